// what util.inspect prints for values beyond its depth
const util = require('util');
class Box { constructor(v) { this.v = v; } }
class Tagged { get [Symbol.toStringTag]() { return 'T'; } }
const bare = Object.create(null);
bare.k = 1;
const nested = { a: { b: { bare, box: new Box(1), map: new Map([[1, 2]]), set: new Set([1]), arr: [1], tagged: Object.assign(new Tagged(), { x: 1 }), fn() {}, err: new RangeError('r').message } } };
console.log(util.inspect(nested, { depth: 1 }));
console.log(nested);
console.log(util.inspect(nested, { depth: -1 }), util.inspect(new Box(2), { depth: -1 }), util.inspect([1], { depth: -1 }));
