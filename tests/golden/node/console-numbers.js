// Numbers as console.log prints them, top level and nested.
console.log(1, 1.5, -0, 0, NaN, Infinity, -Infinity);
console.log(0.1 + 0.2, 1e21, 1e-7, 2 ** 53, 123456789012);
console.log([-0, 0, 1.0, -1.25]);
console.log({ zero: -0 }, String(-0), `${-0}`, JSON.stringify(-0));
console.log(10n, [10n], typeof 10n);
