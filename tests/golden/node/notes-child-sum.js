// The sum() of the notes' child.js, run in the main script.
function sum() {
  let res = 0;
  for (let index = 0; index < 10000; index++) {
    res += index;
  }
  return res;
}
setImmediate(() => console.log('The child process backed data to main:', sum()));
console.log('computing...');
