// an uncaught assert.ok failure quotes the expression
const assert = require('assert');
const list = [];
assert(list.length > 0);
