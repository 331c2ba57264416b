// Nested fs callbacks: each one queues an immediate that runs before the next read completes.
const fs = require('fs');
fs.readFile(__filename, 'utf8', (err, a) => {
  console.log('read 1', err === null, a.length > 0);
  setImmediate(() => console.log('immediate after read 1'));
  fs.readFile(__filename, 'utf8', (err2) => {
    console.log('read 2', err2 === null);
    setImmediate(() => console.log('immediate after read 2'));
  });
});
