// an uncaught assert.throws failure: node's site is its own expectedException
const assert = require('assert');
assert.throws(() => { throw new RangeError('out of range'); }, TypeError);
