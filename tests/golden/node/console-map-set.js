// Map and Set.
console.log(new Map([['a', 1], ['b', { c: 2 }]]));
console.log(new Set([1, 'two', [3]]));
console.log(new Map(), new Set());
console.log({ m: new Map([[1, new Set([2])]]) });
