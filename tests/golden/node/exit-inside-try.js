// process.exit ends the script at once: no catch or finally of the script runs after it, not
// even around a built-in's callback or in a queueMicrotask callback; an 'exit' listener that
// calls process.exit ends the listeners there, with its code.
process.on('exit', (code) => console.log('exit listener', code));
process.on('exit', () => {
  console.log('second listener');
  try {
    process.exit(5);
  } finally {
    console.log('never: a finally in a listener');
  }
});
process.on('exit', () => console.log('never: a third listener'));
queueMicrotask(() => {
  try {
    console.log('in a microtask');
    [1, 2].forEach(() => {
      try {
        process.exit(3);
      } catch (e) {
        console.log('never: caught', e);
      } finally {
        console.log('never: finally');
      }
    });
  } catch (e) {
    console.log('never: caught outside', e);
  }
});
Promise.resolve().then(() => console.log('never: the next job'));
