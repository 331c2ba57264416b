// Extra arguments to setImmediate.
setImmediate((a, b, c) => console.log('immediate', a, b, c), 1, [2], { three: 3 });
setImmediate((...rest) => console.log('rest', rest.length, rest));
