// mkdir on an existing directory: EEXIST in the callback; unlink of a missing file: ENOENT.
const fs = require('fs');
fs.mkdir(__dirname, (err) => {
  console.log(err.code, err.syscall);
  fs.unlink(__dirname + '/no-such-file', (err2) => console.log('unlink', err2.code, err2.syscall));
});
