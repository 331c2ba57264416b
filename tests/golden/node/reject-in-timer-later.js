// A rejection born inside a timer callback crashes after that callback's drain.
setTimeout(() => {
  console.log('timer 1');
  Promise.reject(new RangeError('out of range'));
  process.nextTick(() => console.log('tick after timer 1'));
}, 0);
setTimeout(() => console.log('timer 2 never'), 5);
