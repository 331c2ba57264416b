// Inside an I/O callback: immediates, then timers; each with its own drains.
const fs = require('fs');
fs.readFile(__filename, () => {
  setTimeout(() => {
    console.log('timeout A');
    process.nextTick(() => console.log('tick in A'));
  }, 0);
  setTimeout(() => console.log('timeout B'), 0);
  setImmediate(() => {
    console.log('immediate A');
    Promise.resolve().then(() => console.log('promise in immediate A'));
  });
  setImmediate(() => console.log('immediate B'));
});
