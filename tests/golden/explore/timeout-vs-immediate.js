// The classic race in the main module: is the 1 ms timer due when the first timers phase starts?
setTimeout(() => console.log('timeout'), 0);
setImmediate(() => console.log('immediate'));
