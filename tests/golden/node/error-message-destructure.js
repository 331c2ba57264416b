// Destructuring undefined or null, in V8's words: the first property and the value's
// expression; a parameter names the value; a nested pattern or a default reads the property.
const t = (label, f) => {
  try {
    f();
  } catch (e) {
    console.log(`${label.padEnd(26)} ${e.message} @ ${e.stack.split('\n')[1].trim()}`);
  }
};
const o = { items: undefined, n: null };
let x;
t('a name', () => { const { a } = x; });
t('null', () => { const { a } = null; });
t('undefined, two properties', () => { const { a, b } = undefined; });
t('a property', () => { const { a } = o.items; });
t('a null property', () => { const { a } = o.n; });
t('a call', () => { const f = () => undefined; const { a } = f(); });
t('an empty pattern', () => { const {} = o.n; });
t('a renamed property', () => { const { a: y } = null; });
t('a quoted property', () => { const { 'a-b': y } = null; });
t('a computed property', () => { const k = 'z'; const { [k]: y } = null; });
t('a rest pattern', () => { const { ...r } = null; });
t('an assignment', () => { let a; ({ a } = null); });
t('a parameter', () => { function g({ a }) {} g(); });
t('a null parameter', () => { function g({ a }) {} g(null); });
t('an arrow parameter', () => { (({ a }) => a)(); });
t('a second parameter', () => { function g(y, { a }) {} g(1); });
t('a nested pattern', () => { const { a: { b } } = { a: undefined }; });
t('in an array pattern', () => { const [{ a }] = [undefined]; });
t('a default', () => { const { a = 1 } = null; });
function draw({ width, height }) {
  return width * height;
}
console.log(draw({ width: 2, height: 3 }));
draw();
