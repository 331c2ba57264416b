// A delay is a minimum: a busy main script delays every timer, which then run in delay order.
const start = Date.now();
setTimeout(() => console.log('10 ms timer, late:', Date.now() - start >= 50), 10);
setTimeout(() => console.log('1 ms timer'), 1);
while (Date.now() - start < 50) { /* busy */ }
console.log('main script done after 50 ms');
