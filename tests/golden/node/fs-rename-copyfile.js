// rename / renameSync, copyFile / copyFileSync with COPYFILE_EXCL; errors name both paths.
const fs = require('fs');
const os = require('os');
const path = require('path');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), `mini-node-golden-${process.pid}-mv-`));
const show = (s) => s.split(dir).join('<tmp>');
const a = path.join(dir, 'a.txt');
const b = path.join(dir, 'b.txt');
const c = path.join(dir, 'c.txt');
fs.writeFileSync(a, 'content');
fs.copyFileSync(a, b);
console.log('copied', fs.readFileSync(b, 'utf8'));
try { fs.copyFileSync(a, b, fs.constants.COPYFILE_EXCL); } catch (e) {
  console.log(show(e.message), e.code, e.errno, e.syscall, show(e.path), show(e.dest));
}
try { fs.renameSync(path.join(dir, 'none'), c); } catch (e) {
  console.log(show(e.message), e.code, e.syscall);
}
fs.rename(b, c, (err) => {
  console.log('renamed', err, fs.existsSync(b), fs.readFileSync(c, 'utf8'));
  fs.copyFile(path.join(dir, 'none'), a, (err2) => {
    console.log('copy error', show(err2.message), err2.code);
    fs.copyFile(c, path.join(dir, 'd.txt'), (err3) => {
      console.log('copy', err3, fs.readdirSync(dir));
      fs.rmSync(dir, { recursive: true });
      console.log('cleaned', fs.existsSync(dir));
    });
  });
});
console.log('main done');
