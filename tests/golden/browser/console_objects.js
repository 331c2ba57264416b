// Plain objects, nested ones, and more than five properties.
console.log({ a: 1, b: 'x' });
console.log({});
console.log({ inner: { deep: true }, list: [1, 2] });
console.log({ a: 1, b: 2, c: 3, d: 4, e: 5, f: 6, g: 7 });
console.log({ 'needs quotes': 1, ok_name: 2, $ok: 3 });
console.log({ n: null, u: undefined, t: true });
