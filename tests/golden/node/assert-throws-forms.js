// assert.throws with a class, a RegExp, an object, a validation function; doesNotThrow
const assert = require('assert');
function show(label, fn) {
  try { fn(); console.log(label, 'passed'); } catch (e) {
    console.log(label, e.name, e.operator, e.generatedMessage);
    console.log(e.message);
  }
}
class ValidationError extends Error { constructor(m) { super(m); this.name = 'ValidationError'; this.field = 'age'; } }
const bad = () => { throw new ValidationError('age must be positive'); };
show('class', () => assert.throws(bad, ValidationError));
show('wrong class', () => assert.throws(bad, TypeError));
show('regexp', () => assert.throws(bad, /positive/));
show('wrong regexp', () => assert.throws(bad, /negative/));
show('object', () => assert.throws(bad, { name: 'ValidationError', field: 'age', message: /must/ }));
show('wrong object', () => assert.throws(bad, { name: 'ValidationError', field: 'name' }));
show('validate', () => assert.throws(bad, (err) => err instanceof ValidationError && err.field === 'age'));
show('validate false', () => assert.throws(bad, function check(err) { return err.field === 'name'; }));
show('missing', () => assert.throws(() => {}, ValidationError));
show('missing msg', () => assert.throws(() => {}, 'should throw'));
show('no throw ok', () => assert.doesNotThrow(() => 42));
show('doesNotThrow', () => assert.doesNotThrow(bad, 'unexpected'));
show('doesNotThrow other', () => assert.doesNotThrow(bad, TypeError));
show('not a function', () => assert.throws(42));
