// Arrays: short, nested, holes, long (grouped), over 100 items.
console.log([1, 2, 3]);
console.log([[1, [2, [3, [4, [5]]]]]]);
console.log([]);
console.log([1, , 3]);
console.log([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
console.log(Array.from({ length: 120 }, (_, i) => i));
console.log(['apple', 'banana', 'cherry']);
console.log(new Array(5));
