// An error whose stack names no place of the script: node shows the `throw` statement for a
// thrown one, and its own rethrow of a rejection for a rejected one.
const e = new Error('quiet');
e.stack = 'custom stack';
process.on('exit', (code) => console.log('exit', code));
setTimeout(() => {
  throw e;
}, 1);
