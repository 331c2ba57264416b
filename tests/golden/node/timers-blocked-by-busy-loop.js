// A delay is a minimum: a busy main script delays every timer, which then run in expiry order.
const start = Date.now();
setTimeout(() => console.log('40 ms timer, late:', Date.now() - start >= 100), 40);
setTimeout(() => console.log('1 ms timer'), 1);
while (Date.now() - start < 100) { /* busy */ }
console.log('main script done after 100 ms');
