// Resolving with a promise or a thenable costs extra microtask turns.
const p = Promise.resolve();
new Promise((r) => r(p)).then(() => console.log('resolved with a promise'));
new Promise((r) => r({ then: (f) => f() })).then(() => console.log('resolved with a thenable'));
Promise.resolve().then(() => console.log('t1')).then(() => console.log('t2')).then(() => console.log('t3'));
