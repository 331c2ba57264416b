// Timers live in one list per duration; lists are ordered by expiry.
setTimeout(() => console.log('5 ms, first'), 5);
setTimeout(() => console.log('1 ms, first'), 1);
setTimeout(() => console.log('5 ms, second'), 5);
setTimeout(() => console.log('1 ms, second'), 1);
