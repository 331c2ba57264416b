// readdir / readdirSync with withFileTypes: Dirent objects; stat results (isFile, isDirectory, size, mtime).
const fs = require('fs');
const os = require('os');
const path = require('path');
const dir = path.join(os.tmpdir(), `mini-node-golden-${process.pid}-dirent`);
fs.mkdirSync(path.join(dir, 'sub'), { recursive: true });
fs.writeFileSync(path.join(dir, 'file.txt'), '12345');
const list = fs.readdirSync(dir, { withFileTypes: true });
for (const d of list) console.log(d.name, d.isFile(), d.isDirectory(), d.isSymbolicLink(), d instanceof fs.Dirent);
const st = fs.statSync(path.join(dir, 'file.txt'));
console.log('stat', st.isFile(), st.isDirectory(), st.size, st.mtime instanceof Date, typeof st.mtimeMs);
fs.readdir(dir, { withFileTypes: true }, (err, entries) => {
  console.log('callback', err, entries.map((d) => `${d.name}:${d.isDirectory() ? 'dir' : 'file'}`));
  fs.stat(path.join(dir, 'sub'), (err2, s) => {
    console.log('stat sub', err2, s.isDirectory(), s.isFile());
    fs.rmSync(dir, { recursive: true });
  });
});
