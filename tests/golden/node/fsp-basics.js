// fs/promises: mkdtemp, writeFile, appendFile, readFile, stat, mkdir, copyFile, rename, readdir (withFileTypes), access, unlink, rm; node's errors.
const fsp = require('fs/promises'), fs = require('fs'), os = require('os'), path = require('path');
(async () => {
  const dir = await fsp.mkdtemp(path.join(os.tmpdir(), `mini-node-golden-${process.pid}-fsp-`));
  console.log('mkdtemp', path.basename(dir).startsWith(`mini-node-golden-${process.pid}-fsp-`));
  const f = path.join(dir, 'a.txt');
  await fsp.writeFile(f, 'hello');
  await fsp.appendFile(f, ' world');
  console.log(await fsp.readFile(f, 'utf8'));
  const st = await fsp.stat(f);
  console.log(st.isFile(), st.isDirectory(), st.size, st.mtime instanceof Date);
  await fsp.mkdir(path.join(dir, 'sub/deep'), { recursive: true });
  await fsp.copyFile(f, path.join(dir, 'sub/b.txt'));
  await fsp.rename(path.join(dir, 'sub/b.txt'), path.join(dir, 'sub/c.txt'));
  console.log(await fsp.readdir(path.join(dir, 'sub')));
  console.log((await fsp.readdir(dir, { withFileTypes: true })).map((d) => `${d.name}:${d.isDirectory() ? 'dir' : 'file'}`));
  await fsp.access(f, fs.constants.R_OK);
  try { await fsp.access(path.join(dir, 'nope')); } catch (e) { console.log(e.message.replace(dir, '<tmp>'), e.code, e.errno, e.syscall); }
  try { await fsp.readFile(path.join(dir, 'nope')); } catch (e) { console.log(e.message.replace(dir, '<tmp>'), e.code); }
  const fh = await fsp.open(f, 'r+');
  const { bytesRead, buffer } = await fh.read(Buffer.alloc(5), 0, 5, 0);
  console.log(bytesRead, buffer.toString());
  const { bytesWritten } = await fh.write('HELLO', 0);
  console.log(bytesWritten, (await fh.stat()).size);
  await fh.close();
  console.log(await fsp.readFile(f, 'utf8'));
  await fsp.unlink(f);
  await fsp.rm(dir, { recursive: true, force: true });
  console.log('exists', fs.existsSync(dir));
})();
