// util.inspect corners: depth, nested Map/Set, getters, toStringTag, null prototypes, cycles, custom
const util = require('util');
const deep = { l1: { l2: { l3: { l4: { l5: 'bottom' } } } } };
console.log(util.inspect(deep));
console.log(util.inspect(deep, { depth: 0 }), util.inspect(deep, { depth: null }));
console.log(util.inspect(new Map([['set', new Set([1, new Map([['k', [1, 2]]])])], [{ key: 1 }, 'obj']])));
class Temperature {
  constructor() { this._c = 21; }
  get celsius() { return this._c; }
  set celsius(v) { this._c = v; }
  get [Symbol.toStringTag]() { return 'Temp'; }
}
const t = new Temperature();
console.log(t, util.inspect(t, { getters: true }));
console.log(Object.defineProperty({}, 'computed', { get() { return [1, 2]; }, enumerable: true }));
console.log(util.inspect(Object.defineProperty({}, 'computed', { get() { return { x: 1 }; }, enumerable: true }), { getters: true }));
const bare = Object.create(null);
bare.x = 1;
console.log(bare, Object.create(null), [Object.create(null)]);
class Tagged { get [Symbol.toStringTag]() { return 'Custom'; } }
console.log(new Tagged(), Object.assign(new Tagged(), { v: 1 }), { [Symbol.toStringTag]: 'Plain' });
const a = { name: 'a' };
const b = { name: 'b', a };
a.b = b;
a.list = [a, b];
console.log(a);
console.log([b]);
const m = new Map();
m.set('self', m);
console.log(m);
class Money {
  constructor(n) { this.n = n; }
  [util.inspect.custom](depth, options, inspect) { return `Money<${inspect(this.n, options)}>`; }
}
console.log(new Money(5), [new Money(1)], { wallet: { cash: new Money(2) } });
console.log(util.inspect({ z: 1, a: 2, m: { y: 1, b: 2 } }, { sorted: true }), util.inspect([[1, [2, [3, [4]]]]], { depth: 1 }));
console.log(util.inspect({ a: 1, b: 'two' }, { compact: false }), util.inspect('x'.repeat(5), { compact: false }));
console.log(Temperature.prototype, Object.getPrototypeOf(t) === Temperature.prototype);
