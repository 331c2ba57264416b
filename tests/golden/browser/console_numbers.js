// Numbers as the console shows them.
console.log(1, -1, 1.5, 0.1 + 0.2);
console.log(-0, 0, NaN, Infinity, -Infinity);
console.log(1e21, 1e-7, 123456789012, 2 ** 53);
console.log(10n, -5n);
console.log([1, -0, NaN, 2.5]);
