// Arrays: length first, nested arrays and objects abbreviated.
console.log([1, 2, 3]);
console.log([]);
console.log([[1, 2], [3]]);
console.log([{ a: 1 }, { b: 2 }]);
console.log([true, null, undefined]);
console.log(Array.from({ length: 5 }, (_, i) => i * i));
