// Resolving a then-derived promise with thenables: the extra jobs, a throwing then getter,
// a then that throws after resolving, and first-settle-wins.
const log = (...a) => console.log(...a);
Promise.resolve().then(() => log('a1')).then(() => log('a2')).then(() => log('a3')).then(() => log('a4'));
Promise.resolve().then(() => Promise.resolve('b')).then((v) => log('resolved with a promise:', v));
Promise.resolve().then(() => ({ then(r) { log('thenable.then called'); r('c'); } })).then((v) => log('thenable:', v));
Promise.resolve().then(() => ({ get then() { throw new Error('getter'); } })).catch((e) => log('then getter threw:', e.message));
Promise.resolve().then(() => ({ then(r) { r('first'); throw new Error('ignored'); } })).then((v) => log('resolve then throw:', v));
new Promise((res, rej) => { res('win'); rej(new Error('lost')); res('lost'); }).then((v) => log('first settle wins:', v));
Promise.reject(new Error('r')).then(() => log('skipped')).then(undefined, (e) => log('rejection passes through:', e.message));
Promise.resolve('v').then(undefined).then((v) => log('value passes through:', v));
Promise.resolve({ then(r) { r('static'); } }).then((v) => log('Promise.resolve(thenable):', v));
Promise.reject(Promise.resolve('inner')).catch((p) => log('Promise.reject keeps the value:', p instanceof Promise));
