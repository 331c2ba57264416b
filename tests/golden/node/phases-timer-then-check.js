// From a timer callback, an immediate runs in the same iteration's check phase,
// before a new 0 ms timer (next iteration's timers phase).
setTimeout(() => {
  console.log('timer 1');
  setTimeout(() => console.log('timer 2'), 0);
  setImmediate(() => console.log('immediate'));
}, 0);
