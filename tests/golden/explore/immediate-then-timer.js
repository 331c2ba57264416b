// From an immediate: a 0 ms timer and a second immediate. The next iteration's timers phase
// runs the timer only if a millisecond has passed since it was set.
setImmediate(() => {
  console.log('immediate 1');
  setTimeout(() => console.log('timeout'), 0);
  setImmediate(() => console.log('immediate 2'));
});
