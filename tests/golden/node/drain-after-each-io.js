// Drains after each fs callback as well.
const fs = require('fs');
fs.readFile(__filename, () => {
  console.log('read');
  Promise.resolve().then(() => console.log('promise after read'));
  process.nextTick(() => console.log('tick after read'));
  fs.stat(__filename, () => {
    console.log('stat');
    queueMicrotask(() => console.log('microtask after stat'));
  });
});
