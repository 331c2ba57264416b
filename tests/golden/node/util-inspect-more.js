// util.inspect: long strings split at newlines, the legacy (value, showHidden, depth) form, holes, subclasses
const util = require('util');
console.log({ s: 'first line of a fairly long string\nsecond line of the long string that goes on\nthird' });
console.log(['a'.repeat(100)]);
console.log(util.inspect('x\ny'.repeat(40)));
console.log(new Map([[{ a: 1 }, new Set([[1, 2]])]]));
console.log([new Map(), new Set(), new WeakMap(), Symbol.iterator, 10n, -0, [undefined, null]]);
console.log(util.inspect({ a: [{ b: { c: {} } }] }, false, 0));
console.log(Object.assign(() => {}, { x: 1 }), { f: function named() {} }, [async function* ag() {}]);
console.log(util.inspect(new Array(5)), [1, , 3], Object.assign([1, 2], { extra: true }));
console.log(new (class Foo extends Map {})([[1, 2]]), new (class Bar extends Array {})(3));
console.log(util.inspect(new Error('with props'), { compact: true }).split('\n')[0], { e: Object.assign(new Error('inner'), { code: 'X' }) }.e.code);
console.log(util.format('%s', new Error('fmt')).split('\n')[0], util.format('%s', [new Error('in array').message]));
console.log(util.inspect({ a: 1 }, { breakLength: 3 }), util.inspect(Object.create({ inherited: 1 })));
