// An uncaught error in one task is reported; the following tasks still run.
setTimeout(() => {
  console.log('first');
  throw new Error('boom');
}, 0);
setTimeout(() => console.log('second'), 0);
