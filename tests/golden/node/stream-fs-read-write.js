// fs.createReadStream / createWriteStream: open, ready, data, end, close in the poll phase; pipeline between files.
const fs = require('fs'), os = require('os'), path = require('path');
const { pipeline } = require('stream');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), `mini-node-golden-${process.pid}-stream-`));
const src = path.join(dir, 'in.txt'), dst = path.join(dir, 'out.txt');
fs.writeFileSync(src, 'line one\nline two\n');
const r = fs.createReadStream(src, { encoding: 'utf8' });
r.on('open', () => console.log('open'));
r.on('ready', () => console.log('ready'));
r.on('data', (c) => console.log('data', JSON.stringify(c)));
r.on('end', () => console.log('end'));
r.on('close', () => {
  console.log('close');
  const w = fs.createWriteStream(dst);
  w.on('open', () => console.log('w open'));
  w.write('abc', () => console.log('write cb'));
  w.end('def\n', () => console.log('end cb'));
  w.on('finish', () => console.log('finish', fs.readFileSync(dst, 'utf8').trim()));
  w.on('close', () => {
    console.log('w close', w.bytesWritten);
    pipeline(fs.createReadStream(src), fs.createWriteStream(dst), (err) => {
      console.log('pipeline', err, fs.readFileSync(dst, 'utf8').length);
      fs.rmSync(dir, { recursive: true });
      console.log('removed', fs.existsSync(dir));
    });
  });
  setImmediate(() => console.log('immediate'));
});
process.nextTick(() => console.log('tick'));
