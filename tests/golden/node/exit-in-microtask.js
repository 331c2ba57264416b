// process.exit from a promise reaction.
Promise.resolve().then(() => {
  console.log('exiting with 2');
  process.exit(2);
}).then(() => console.log('never'));
setTimeout(() => console.log('never: timer'), 0);
