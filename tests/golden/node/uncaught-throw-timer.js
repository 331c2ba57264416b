// An uncaught exception in a timer callback ends the process (exit 1).
setTimeout(() => {
  console.log('timer 1');
  null.property;
}, 0);
setTimeout(() => console.log('never: timer 2'), 5);
