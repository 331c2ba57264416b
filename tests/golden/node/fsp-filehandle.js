// fs/promises open: a FileHandle with read, write, stat, truncate, readFile, writeFile and close.
const fsp = require('fs/promises');
const os = require('os');
const path = require('path');
const file = path.join(os.tmpdir(), `mini-node-golden-${process.pid}-fh.txt`);
async function main() {
  const fh = await fsp.open(file, 'w+');
  console.log('fd', typeof fh.fd);
  console.log(await fh.write('0123456789'));
  const r = await fh.read(Buffer.alloc(4), 0, 4, 2);
  console.log(r.bytesRead, r.buffer.toString());
  await fh.truncate(6);
  console.log('size', (await fh.stat()).size);
  await fh.close();
  const fh2 = await fsp.open(file);
  console.log('readFile', await fh2.readFile('utf8'));
  await fh2.close();
  try { await fsp.open(file + '.missing'); } catch (e) { console.log(e.message.replace(file, '<file>'), e.code, e.syscall); }
  await fsp.unlink(file);
  console.log('done');
}
main();
process.nextTick(() => console.log('tick'));
