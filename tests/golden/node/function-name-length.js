// Every function gets own `length` and `name` (configurable, not writable), in that order.
const fns = [
  ['arrow', (x, y) => x],
  ['named', function named(a, b, c) {}],
  ['async', async function af(a) {}],
  ['async arrow', async (a, b) => a],
  ['generator', function* gen(a) {}],
  ['defaults', function dflt(a, b = 1, c) {}],
  ['rest', function rest(a, ...r) {}],
  ['method', { m(a) {} }.m],
  ['class', class K { constructor(a, b) {} }],
];
for (const [kind, f] of fns) {
  const d = Object.getOwnPropertyDescriptor(f, 'name');
  const l = Object.getOwnPropertyDescriptor(f, 'length');
  console.log(kind, JSON.stringify(f.name), f.length, Object.keys(f).length, d.writable, d.configurable, l.writable, l.configurable);
}
const make = () => (a, b) => a;
const f1 = make();
delete f1.name;
const f2 = make();
Object.defineProperty(f2, 'name', { value: 'renamed' });
const f3 = make();
console.log(JSON.stringify(f1.name), f2.name, JSON.stringify(f3.name), f3.length);
const anon = [function () {}][0];
console.log(JSON.stringify(anon.name), anon.length);
