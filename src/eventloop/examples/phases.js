// The phases of one loop iteration, each with a callback a script can reach.
const fs = require('fs');

console.log('main script: runs to the end first');
process.nextTick(() => console.log('nextTick: right after the main script'));
setTimeout(() => console.log('timers phase: setTimeout 5 ms'), 5);
setImmediate(() => console.log('check phase: setImmediate'));
fs.readFile(__filename, () => {
  console.log('poll phase: fs.readFile callback');
  setTimeout(() => console.log('timers phase: setTimeout 0 from the I/O callback'), 0);
  setImmediate(() => console.log('check phase: setImmediate from the I/O callback (always first)'));
});
// close callbacks (a socket's 'close') would run last in an iteration.
