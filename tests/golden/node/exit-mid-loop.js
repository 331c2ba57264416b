// process.exit(code) stops everything at once: no more ticks, promises, timers.
setTimeout(() => {
  console.log('timer 1');
  process.nextTick(() => console.log('never: tick'));
  Promise.resolve().then(() => console.log('never: promise'));
  process.exit(3);
}, 0);
setTimeout(() => console.log('never: timer 2'), 0);
