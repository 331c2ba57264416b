// A timer created by a microtask is queued after timers the script created earlier.
setTimeout(() => console.log('timer from script'), 0);
Promise.resolve().then(() => {
  console.log('microtask');
  setTimeout(() => console.log('timer from microtask'), 0);
});
setTimeout(() => console.log('second timer from script'), 0);
