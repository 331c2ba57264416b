// access / accessSync with fs.constants, existsSync, exists: ENOENT with errno, code, syscall, path.
const fs = require('fs');
const os = require('os');
const path = require('path');
const file = path.join(os.tmpdir(), `mini-node-golden-${process.pid}-access.txt`);
const missing = file + '.missing';
const show = (s) => s.replace(file, '<file>');
const { F_OK, R_OK, W_OK, X_OK } = fs.constants;
console.log(F_OK, R_OK, W_OK, X_OK, fs.constants.COPYFILE_EXCL, fs.constants.O_CREAT);
fs.writeFileSync(file, 'x');
console.log('accessSync', fs.accessSync(file, R_OK | W_OK));
console.log('existsSync', fs.existsSync(file), fs.existsSync(missing));
try { fs.accessSync(missing, F_OK); } catch (e) {
  console.log(show(e.message));
  console.log(e.code, e.errno, e.syscall, show(e.path));
}
fs.access(file, F_OK, (err) => {
  console.log('access', err);
  fs.access(missing, (err2) => {
    console.log('access missing', err2.code);
    fs.exists(file, (yes) => {
      console.log('exists', yes);
      fs.unlinkSync(file);
      console.log('cleaned', fs.existsSync(file));
    });
  });
});
