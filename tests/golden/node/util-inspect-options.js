// util.inspect options: depth 0 on Map/Set, compact 1 and true, maxArrayLength, maxStringLength; symbol and quoted keys
const util = require('util');
console.log({ [Symbol('k')]: 1, 'a-b': 2, 3: 'x', valid_id: [new Map([[[1], { z: new Set([{}]) }]])] });
console.log([[[[1]]]], { a: { b: { c: [1, { d: 1 }] } } });
console.log(util.inspect(new Map([[1, { a: { b: {} } }]]), { depth: 0 }), util.inspect(new Set([[1]]), { depth: 0 }));
console.log(util.inspect({ a: 1, b: { c: 2 } }, { compact: 1 }));
console.log(util.inspect({ a: 1, b: { c: 2 } }, { compact: true }));
console.log(util.inspect([1, 2, 3], { maxArrayLength: 1 }), util.inspect('abcdef', { maxStringLength: 2 }));
const o = {}; o.o = o; console.log(util.format('%o', o), util.format('%j', [o]));
console.log(util.isDeepStrictEqual(new Map([[{}, 1]]), new Map([[{}, 1]])), util.isDeepStrictEqual([1, , 3], [1, undefined, 3]));
