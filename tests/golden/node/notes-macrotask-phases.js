// From the notes: macrotasks by phase: Timer, I/O (poll), Check (setImmediate).
const fs = require('fs');
setTimeout(() => {
  console.log('Timer phase: setTimeout');
  fs.readFile(__filename, () => {
    console.log('Poll phase: I/O callback');
    setTimeout(() => console.log('Timer phase again: next iteration'), 0);
    setImmediate(() => console.log('Check phase: setImmediate'));
  });
}, 0);
