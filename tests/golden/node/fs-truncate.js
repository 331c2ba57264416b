// truncate / truncateSync: shorten, extend with zeros; ENOENT on a missing file.
const fs = require('fs');
const os = require('os');
const path = require('path');
const file = path.join(os.tmpdir(), `mini-node-golden-${process.pid}-trunc.txt`);
fs.writeFileSync(file, 'abcdefgh');
fs.truncateSync(file, 3);
console.log(JSON.stringify(fs.readFileSync(file, 'utf8')));
fs.truncate(file, 5, (err) => {
  console.log('truncate', err, JSON.stringify(fs.readFileSync(file, 'utf8')));
  fs.truncate(file, (err2) => {
    console.log('to zero', err2, fs.statSync(file).size);
    fs.unlinkSync(file);
    fs.truncate(file, 1, (err3) => console.log(err3.code, err3.syscall));
  });
});
