// mkdir, writeFile, readdir (sorted by name, like libuv's scandir), then clean up.
const fs = require('fs');
const os = require('os');
const path = require('path');
const dir = path.join(os.tmpdir(), `mini-node-golden-${process.pid}-dir`);
fs.mkdir(dir, (err) => {
  console.log('mkdir', err);
  for (const name of ['c.txt', 'a.txt', 'b.txt']) fs.writeFileSync(path.join(dir, name), name);
  fs.readdir(dir, (err2, names) => {
    console.log('readdir', err2, names);
    for (const name of names) fs.unlinkSync(path.join(dir, name));
    fs.rmdirSync(dir);
    console.log('cleaned', fs.existsSync(dir));
  });
});
