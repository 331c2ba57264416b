// A promise resolved with itself is rejected with V8's TypeError.
const p = Promise.resolve(1).then(() => p);
p.catch((e) => console.log(e.constructor.name + ': ' + e.message));
