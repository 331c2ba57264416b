// Timers fire in order of their due time, not of their creation.
setTimeout(() => console.log('100 ms'), 100);
setTimeout(() => console.log('0 ms'), 0);
setTimeout(() => console.log('50 ms'), 50);
setTimeout(() => console.log('10 ms'), 10);
console.log('scheduled');
