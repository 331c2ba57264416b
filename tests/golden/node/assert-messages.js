// node's AssertionError messages and properties for the simple checks
const assert = require('assert');
function show(fn) {
  try { fn(); console.log('passed'); } catch (e) {
    console.log(`${e.name} [${e.code}] generated=${e.generatedMessage} operator=${e.operator}`);
    console.log(JSON.stringify(e.message));
  }
}
show(() => assert.strictEqual(1, 2));
show(() => assert.strictEqual('a', 'b', 'custom message'));
show(() => assert.notStrictEqual(1, 1));
show(() => assert.equal(1, 2));
show(() => assert.notEqual(1, '1'));
show(() => assert.ok(0));
show(() => assert(null));
show(() => assert.ok(false, 'not ok'));
show(() => assert.fail());
show(() => assert.fail('boom'));
show(() => assert.match('abc', /x/));
show(() => assert.doesNotMatch('abc', /b/));
show(() => assert.ifError(null));
show(() => assert.ifError(new Error('if error')));
show(() => assert.strictEqual(NaN, NaN));
show(() => assert.deepEqual({ a: 1 }, { a: '1' }));
show(() => assert.notDeepStrictEqual([1], [1]));
show(() => assert.strictEqual(1n, 1));
show(() => assert.strictEqual('hello\nworld', 'hello\nthere'));
