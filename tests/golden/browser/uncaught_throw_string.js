// Throwing a value that is not an Error.
setTimeout(() => {
  throw 'just a string';
}, 0);
setTimeout(() => {
  throw 42;
}, 1);
setTimeout(() => console.log('done'), 2);
