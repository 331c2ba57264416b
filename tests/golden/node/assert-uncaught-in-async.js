// an AssertionError thrown inside an async function becomes an unhandled rejection: node's
// report starts at its own promise machinery
const assert = require('assert');
async function check(n) {
  assert.notStrictEqual(n, 1);
}
check(1);
