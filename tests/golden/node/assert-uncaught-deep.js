// an uncaught deepStrictEqual failure: node's report with the diff and the property block
const assert = require('assert');
const actual = { name: 'mini', tags: ['a', 'b'], nested: { deep: { deeper: { deepest: 1 } } } };
const expected = { name: 'mini', tags: ['a', 'c'], nested: { deep: { deeper: { deepest: 1 } } } };
assert.deepStrictEqual(actual, expected);
