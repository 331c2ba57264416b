// A value that is not iterable, in V8's words: at a for-of, a spread or an array pattern V8
// names the expression from the source; a built-in (or yield*) names the value's type.
const t = (label, f) => {
  try {
    f();
  } catch (e) {
    console.log(`${label.padEnd(28)} ${e.name}: ${e.message} @ ${e.stack.split('\n')[1].trim()}`);
  }
};
let u;
const n = null;
const o = { items: undefined, obj: {} };
const num = 5;
t('for of a name', () => { for (const x of num) {} });
t('for of a property', () => { for (const x of o.obj) {} });
t('for of a literal', () => { for (const x of 5) {} });
t('for of an object literal', () => { for (const x of { a: 1 }) {} });
t('for of a call', () => { const f = () => 5; for (const x of f()) {} });
t('for of new', () => { for (const x of new Date()) {} });
t('for of a function', () => { for (const x of function () {}) {} });
t('for of this', () => { for (const x of this) {} });
t('spread a name', () => [...u]);
t('spread null', () => [...n]);
t('spread a property', () => [...o.items]);
t('spread {}', () => [...{}]);
t('spread 5', () => [...5]);
t('spread into a call', () => Math.max(...u));
t('spread a number into a call', () => Math.max(...num));
t('array pattern of a name', () => { const [a] = u; });
t('array pattern of null', () => { const [a] = null; });
t('array pattern of {}', () => { const [a] = {}; });
t('array pattern of a property', () => { const [a] = o.items; });
t('array pattern of an object', () => { const [a] = o.obj; });
t('new Map(5)', () => new Map(5));
t('new Set({})', () => new Set({}));
t('new Set(true)', () => new Set(true));
t('Array.from(null)', () => Array.from(null));
t('Array.from bad iterator', () => Array.from({ [Symbol.iterator]: 5 }));
t('Object.fromEntries(5)', () => Object.fromEntries(5));
t('Object.fromEntries([1])', () => Object.fromEntries([1]));
t('new Map([1])', () => new Map([1]));
t('yield* 5', () => { function* g() { yield* 5; } [...g()]; });
Promise.all(5).catch((e) => console.log('Promise.all(5)', e.message));
const obj = { a: 1 };
for (const value of obj) console.log(value);
