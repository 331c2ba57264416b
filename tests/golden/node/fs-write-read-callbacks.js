// writeFile, appendFile, readFile, unlink: real files, callbacks in the poll phase.
const fs = require('fs');
const os = require('os');
const path = require('path');
const file = path.join(os.tmpdir(), `mini-node-golden-${process.pid}-rw.txt`);
fs.writeFile(file, 'hello', (err) => {
  console.log('written', err);
  fs.appendFile(file, ' world\n', (err2) => {
    console.log('appended', err2);
    fs.readFile(file, 'utf8', (err3, text) => {
      console.log('read', err3, JSON.stringify(text));
      fs.unlink(file, (err4) => {
        console.log('unlinked', err4, fs.existsSync(file));
      });
    });
  });
});
console.log('requested write');
