// A missing file: the callback gets an error with code ENOENT.
const fs = require('fs');
const path = require('path');
fs.readFile(path.join(__dirname, 'no-such-file.txt'), (err, data) => {
  console.log(err.code, err.syscall, err.errno, data);
  console.log(err instanceof Error, err.message.startsWith('ENOENT: no such file or directory'));
});
try {
  fs.readFileSync(path.join(__dirname, 'no-such-file.txt'));
} catch (e) {
  console.log('sync throws', e.code);
}
