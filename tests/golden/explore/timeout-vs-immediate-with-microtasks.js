// Timers racing the first iteration, with a tick and a promise mixed in: the microtasks always
// run first; the timer set from the promise reaction may or may not be due by the timers phase.
setImmediate(() => console.log('immediate'));
process.nextTick(() => console.log('nextTick'));
Promise.resolve().then(() => {
  console.log('promise');
  setTimeout(() => console.log('timeout from promise'), 0);
});
