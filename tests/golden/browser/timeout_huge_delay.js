// A delay above 2^31-1 wraps around like a 32-bit integer: 2^31 ms becomes negative, so 0.
setTimeout(() => console.log('2 ** 31 ms'), 2 ** 31);
setTimeout(() => console.log('5 ms'), 5);
setTimeout(() => console.log('2 ** 32 + 1 ms is 1 ms'), 2 ** 32 + 1);
console.log('sync');
