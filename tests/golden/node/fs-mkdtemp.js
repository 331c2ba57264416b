// mkdtempSync and mkdtemp: a new directory named prefix + six characters; ENOENT names prefix + XXXXXX.
const fs = require('fs');
const os = require('os');
const path = require('path');
const prefix = path.join(os.tmpdir(), `mini-node-golden-${process.pid}-mkdtemp-`);
const a = fs.mkdtempSync(prefix);
console.log('sync', a.length === prefix.length + 6, a.startsWith(prefix), fs.statSync(a).isDirectory());
fs.mkdtemp(prefix, (err, b) => {
  console.log('callback', err, b.length === prefix.length + 6, b !== a, fs.existsSync(b));
  fs.rmdirSync(a);
  fs.rmdirSync(b);
  console.log('removed', fs.existsSync(a), fs.existsSync(b));
  fs.mkdtemp('/nonexistent-dir-for-golden/x-', (e) => {
    // the callback's path ends in the six characters libuv tried
    console.log(e.message.slice(0, -8), e.code, e.errno, e.syscall, e.path.slice(0, -6));
  });
});
try {
  fs.mkdtempSync('/nonexistent-dir-for-golden/y-');
} catch (e) {
  console.log(e.message, e.code, e.errno, e.syscall, e.path);
}
console.log('main done');
