// Inside an I/O callback the order is fixed: the check phase comes before the next timers phase.
const fs = require('fs');
fs.readFile(__filename, () => {
  setTimeout(() => console.log('setTimeout 0'), 0);
  setImmediate(() => console.log('setImmediate'));
});
