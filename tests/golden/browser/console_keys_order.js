// Integer-like keys come first, in numeric order; then the others in insertion order.
console.log({ b: 1, 2: 'two', a: 2, 1: 'one' });
console.log({ 'x-y': 1, _z: 2, 10: 3 });
const arr = [1, 2];
arr.extra = 'yes';
console.log(arr);
console.log(Array.from({ length: 101 }, (_, i) => i).length, [[], {}]);
