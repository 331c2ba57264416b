// an uncaught strictEqual failure prints node's AssertionError report
const assert = require('assert');
function add(a, b) { return a + b; }
assert.strictEqual(add(1, 1), 2);
assert.strictEqual(add(2, 2), 5);
