// readFile without an encoding gives a Buffer; with one, a string.
const fs = require('fs');
const os = require('os');
const path = require('path');
const file = path.join(os.tmpdir(), `mini-node-golden-${process.pid}-buf.txt`);
fs.writeFileSync(file, 'abc');
fs.readFile(file, (err, buf) => {
  console.log(err, Buffer.isBuffer(buf), buf.length, buf.toString());
  console.log(fs.readFileSync(file, 'utf8'));
  fs.unlinkSync(file);
});
