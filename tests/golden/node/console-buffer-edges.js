// How console.log shows Buffers at the edges: empty, one byte over the 50 shown, many over.
console.log(Buffer.alloc(0));
console.log(Buffer.alloc(51, 1));
console.log(Buffer.alloc(53, 255));
console.log([Buffer.from('hi'), Buffer.alloc(0)]);
console.log({ b: Buffer.from([0, 15, 16]) });
