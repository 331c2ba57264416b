// rm / rmSync with recursive and force, rmdir: node's errors (lstat ENOENT, SystemError ERR_FS_EISDIR, ENOTEMPTY).
const fs = require('fs');
const os = require('os');
const path = require('path');
const dir = path.join(os.tmpdir(), `mini-node-golden-${process.pid}-rm`);
const show = (p) => p.replace(dir, '<tmp>');
fs.mkdirSync(path.join(dir, 'a', 'b'), { recursive: true });
fs.writeFileSync(path.join(dir, 'a', 'b', 'f.txt'), 'x');
fs.writeFileSync(path.join(dir, 'g.txt'), 'y');
try { fs.rmSync(path.join(dir, 'a')); } catch (e) {
  console.log(e.name, e.code, show(e.message), e.errno, e.syscall, show(e.path));
}
try { fs.rmdirSync(path.join(dir, 'a')); } catch (e) {
  console.log(show(e.message), e.code, e.errno, e.syscall);
}
try { fs.rmSync(path.join(dir, 'missing')); } catch (e) {
  console.log(show(e.message), e.code, e.errno, e.syscall);
}
fs.rmSync(path.join(dir, 'missing'), { force: true });
console.log('force on missing: no error');
fs.rmSync(path.join(dir, 'g.txt'));
console.log('file removed', fs.existsSync(path.join(dir, 'g.txt')));
fs.rm(path.join(dir, 'missing'), (err) => {
  console.log('rm callback', show(err.message), err.code);
  fs.rm(path.join(dir, 'missing'), { force: true }, (err2) => {
    console.log('rm force callback', err2);
    fs.rm(dir, { recursive: true }, (err3) => {
      console.log('rm recursive callback', err3, fs.existsSync(dir));
    });
  });
});
