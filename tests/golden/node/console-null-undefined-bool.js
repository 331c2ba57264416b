// null, undefined, booleans, symbols.
console.log(null, undefined, true, false);
console.log([null, undefined], { u: undefined, n: null });
console.log(Symbol('tag'), [Symbol.iterator]);
console.log();
console.log(typeof undefined, typeof null);
