// Timers of 1 and 2 ms against an immediate in the first iteration.
setTimeout(() => console.log('timeout 2 ms'), 2);
setTimeout(() => console.log('timeout 1 ms'), 1);
setImmediate(() => console.log('immediate'));
Promise.resolve().then(() => console.log('promise'));
