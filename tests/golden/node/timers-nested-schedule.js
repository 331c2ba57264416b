// Timers scheduled from a timer callback with 0 ms wait for the next iteration.
setTimeout(() => {
  console.log('outer A');
  setTimeout(() => console.log('inner from A'), 0);
}, 0);
setTimeout(() => console.log('outer B'), 0);
