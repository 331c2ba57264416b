// assert.js: require('assert') and 'assert/strict': ok, equal, strictEqual, deepStrictEqual,
// throws, AssertionError (code ERR_ASSERTION).
//
// HOW: each check throws an AssertionError with node's message; deep equality compares what
// util.inspect prints (util.js).
// WHY: snippets check their own results; nothing here talks to Rust.
//
// Bridge names: none.

  class AssertionError extends Error {
    constructor(message) { super(message); this.name = 'AssertionError'; this.code = 'ERR_ASSERTION'; }
  }
  function assert(ok, message) { if (!ok) throw new AssertionError(message || 'The expression evaluated to a falsy value'); }
  assert.ok = assert;
  assert.strictEqual = (a, b, m) => { if (!Object.is(a, b)) throw new AssertionError(m || `Expected values to be strictly equal:\n\n${inspect(a)} !== ${inspect(b)}\n`); };
  assert.equal = (a, b, m) => { if (a != b) throw new AssertionError(m || `${inspect(a)} == ${inspect(b)}`); };
  assert.notStrictEqual = (a, b, m) => { if (Object.is(a, b)) throw new AssertionError(m || `Expected "actual" to be strictly unequal to: ${inspect(b)}`); };
  assert.deepStrictEqual = (a, b, m) => { if (!util.isDeepStrictEqual(a, b)) throw new AssertionError(m || 'Expected values to be strictly deep-equal'); };
  assert.deepEqual = assert.deepStrictEqual;
  assert.throws = (fn, _e, m) => { try { fn(); } catch (e) { return; } throw new AssertionError(m || 'Missing expected exception.'); };
  assert.AssertionError = AssertionError;
  assert.strict = assert;
