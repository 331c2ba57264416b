// A delay above 2^31-1 ms becomes 1 ms, with a TimeoutOverflowWarning on stderr.
setTimeout(() => console.log('2**31 fires at once'), 2 ** 31);
setTimeout(() => console.log('10 ms'), 10);
console.log('scheduled');
