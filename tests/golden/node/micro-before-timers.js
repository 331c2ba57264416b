// Every microtask and tick queued by the main script runs before any timer or immediate.
setTimeout(() => console.log('timeout'), 0);
process.nextTick(() => console.log('nextTick'));
Promise.resolve().then(() => console.log('promise'));
console.log('main end');
