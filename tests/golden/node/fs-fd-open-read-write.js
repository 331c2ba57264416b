// open/read/write/close with fds, their Sync forms, fstat and ftruncate; callbacks in the poll phase.
const fs = require('fs');
const os = require('os');
const path = require('path');
const file = path.join(os.tmpdir(), `mini-node-golden-${process.pid}-fd.txt`);
const fd = fs.openSync(file, 'w+');
console.log('fd is a number', typeof fd === 'number' && fd > 2);
console.log('writeSync', fs.writeSync(fd, 'hello world'));
console.log('writeSync buffer', fs.writeSync(fd, Buffer.from('!!'), 0, 2, 11));
const buf = Buffer.alloc(5);
console.log('readSync', fs.readSync(fd, buf, 0, 5, 6), buf.toString());
console.log('fstatSync size', fs.fstatSync(fd).size, fs.fstatSync(fd).isFile());
fs.ftruncateSync(fd, 5);
console.log('after ftruncate', fs.readFileSync(file, 'utf8'));
fs.closeSync(fd);
try { fs.closeSync(fd); } catch (e) { console.log(e.message, e.code, e.syscall); }
fs.open(file, 'r', (err, fd2) => {
  console.log('open', err, typeof fd2);
  const b = Buffer.alloc(10);
  fs.read(fd2, b, 0, 10, 0, (err2, n, same) => {
    console.log('read', err2, n, same === b, b.toString('utf8', 0, n));
    fs.fstat(fd2, (err3, st) => {
      console.log('fstat', err3, st.size);
      fs.close(fd2, (err4) => {
        console.log('close', err4);
        fs.open(file, 'a', (err5, fd3) => {
          fs.write(fd3, ' there', (err6, written, str) => {
            console.log('write', err6, written, str);
            fs.closeSync(fd3);
            console.log(fs.readFileSync(file, 'utf8'));
            fs.unlinkSync(file);
          });
        });
      });
    });
  });
});
process.nextTick(() => console.log('tick before any fs callback'));
try { fs.openSync(file + '.missing'); } catch (e) { console.log(e.message.replace(file, '<file>'), e.code); }
