// deepEqual (loose) and deepStrictEqual: what counts as equal, and the diffs of failures
const assert = require('assert');
const util = require('util');
function check(label, fn) {
  try { fn(); console.log(label, 'ok'); } catch (e) { console.log(label, e.operator); console.log(e.message); }
}
check('loose number/string', () => assert.deepEqual({ a: 1, b: [2] }, { a: '1', b: ['2'] }));
check('strict number/string', () => assert.deepStrictEqual({ a: 1 }, { a: '1' }));
check('key order', () => assert.deepStrictEqual({ a: 1, b: 2 }, { b: 2, a: 1 }));
check('prototype', () => assert.deepStrictEqual(Object.create(null), {}));
check('loose prototype', () => assert.deepEqual(Object.create(null), {}));
check('NaN', () => assert.deepStrictEqual([NaN], [NaN]));
check('-0', () => assert.deepStrictEqual(-0, 0));
check('dates', () => assert.deepStrictEqual(new Date(0), new Date(0)));
check('map', () => assert.deepStrictEqual(new Map([['k', { v: 1 }]]), new Map([['k', { v: 1 }]])));
check('set of objects', () => assert.deepStrictEqual(new Set([{ a: 1 }, { b: 2 }]), new Set([{ b: 2 }, { a: 1 }])));
check('circular', () => { const a = { n: 1 }; a.self = a; const b = { n: 1 }; b.self = b; assert.deepStrictEqual(a, b); });
check('long array', () => assert.deepStrictEqual(Array.from({ length: 30 }, (_, i) => i), Array.from({ length: 30 }, (_, i) => (i === 15 ? -1 : i))));
check('nested', () => assert.deepStrictEqual({ user: { name: 'a', roles: ['x', 'y'] }, id: 1 }, { user: { name: 'a', roles: ['x'] }, id: 1 }));
check('not deep strict', () => assert.notDeepStrictEqual({ a: [1, 2] }, { a: [1, 2] }));
check('not deep loose', () => assert.notDeepEqual([1], ['1']));
check('same structure', () => assert.strictEqual([1, 2], [1, 2]));
check('long strings', () => assert.strictEqual('the quick brown fox', 'the quick brown cat'));
console.log(util.isDeepStrictEqual({ a: [1, { b: 2 }] }, { a: [1, { b: 2 }] }), util.isDeepStrictEqual([1], ['1']));
