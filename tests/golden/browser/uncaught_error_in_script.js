// An error thrown by the script ends the script, but its timers and microtasks still run.
setTimeout(() => console.log('timer from the script'), 0);
Promise.resolve().then(() => console.log('microtask from the script'));
console.log('before the throw');
throw new TypeError('bad thing');
