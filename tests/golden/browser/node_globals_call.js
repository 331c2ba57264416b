// Calling a Node global in a browser throws a ReferenceError.
try {
  setImmediate(() => console.log('never'));
} catch (e) {
  console.log(e.name + ': ' + e.message, e instanceof ReferenceError);
}
try {
  process.nextTick(() => console.log('never'));
} catch (e) {
  console.log(e.name + ': ' + e.message);
}
try {
  require('fs');
} catch (e) {
  console.log(e.name + ': ' + e.message);
}
console.log('still running');
