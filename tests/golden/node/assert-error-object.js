// AssertionError made by the script: its message forms, its stack, String(), console.log; more diffs
const assert = require('assert');
const e = new assert.AssertionError({ actual: 1, expected: 2, operator: 'strictEqual' });
console.log(e.message, e.name, String(e), e instanceof Error);
console.log(e);
console.log([e.generatedMessage, e.code]);
try { assert.deepStrictEqual(new Error('a'), new Error('b')); } catch (err) { console.log(err.message); }
try { assert.strictEqual('a'.repeat(30), 'a'.repeat(29) + 'b'); } catch (err) { console.log(err.message); }
try { assert.deepStrictEqual({ a: 1, b: 2, c: 3, d: 4, e: 5, f: 6, g: 7 }, { a: 1, b: 2, c: 3, d: 4, e: 5, f: 6, g: 8 }); } catch (err) { console.log(err.message); }
try { assert.notStrictEqual('abcdefg', 'abcdefg'); } catch (err) { console.log(err.message); }
try { assert.deepStrictEqual([1, 2], { 0: 1, 1: 2, length: 2 }); } catch (err) { console.log(err.message); }
try { assert.equal(null, undefined); console.log('null == undefined'); } catch (err) { console.log(err.message); }
try { assert.deepEqual(new Set([1]), new Set(['1'])); console.log('loose set'); } catch (err) { console.log(err.message); }
try { assert.strictEqual(0, -0); } catch (err) { console.log(err.message); }
try { assert.deepStrictEqual(-0, 0); } catch (err) { console.log(err.message); }
