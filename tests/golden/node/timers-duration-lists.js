// Timers live in one list per duration; lists are ordered by expiry, each list in insertion order.
// (The classic 5,1,5,1 version is not deterministic on a loaded machine: node reads the clock at
// every setTimeout call, so a 4 ms pause between two calls reorders the lists. 50 ms is safe.)
setTimeout(() => console.log('50 ms, first'), 50);
setTimeout(() => console.log('1 ms, first'), 1);
setTimeout(() => console.log('50 ms, second'), 50);
setTimeout(() => console.log('1 ms, second'), 1);
