// A rejection reported unhandled, then handled: 'rejectionHandled' with the same promise.
let seen;
process.on('unhandledRejection', (reason, p) => { seen = p; console.log('unhandled', reason.message, p instanceof Promise); });
process.on('rejectionHandled', (p) => { console.log('rejectionHandled', p === seen); });
const p = Promise.reject(new Error('x'));
setTimeout(() => { p.catch(() => console.log('caught late')); }, 1);
setTimeout(() => console.log('end'), 10);
