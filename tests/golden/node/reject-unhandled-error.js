// An unhandled rejection with an Error crashes the process (exit 1) after the drain.
console.log('before');
Promise.reject(new Error('nobody caught me'));
setTimeout(() => console.log('never runs'), 0);
process.nextTick(() => console.log('tick still runs'));
