// fs/promises rejections carry node's error: message, errno, code, syscall, path (and dest).
const fsp = require('fs/promises');
const os = require('os');
const path = require('path');
const base = path.join(os.tmpdir(), `mini-node-golden-${process.pid}-fsperr`);
const show = (s) => s.split(base).join('<base>');
async function attempt(name, p) {
  try { await p; console.log(name, 'ok'); } catch (e) {
    console.log(name, show(e.message), e.errno, e.code, e.syscall, show(e.path), e.dest === undefined ? '' : show(e.dest));
  }
}
async function main() {
  await attempt('readFile', fsp.readFile(base));
  await attempt('stat', fsp.stat(base));
  await attempt('readdir', fsp.readdir(base));
  await attempt('unlink', fsp.unlink(base));
  await attempt('rename', fsp.rename(base, base + '2'));
  await attempt('copyFile', fsp.copyFile(base, base + '2'));
  await attempt('mkdir', fsp.mkdir(base));
  await attempt('mkdir again', fsp.mkdir(base));
  await attempt('rm dir', fsp.rm(base));
  await attempt('rm recursive', fsp.rm(base, { recursive: true }));
  await attempt('rm force', fsp.rm(base, { force: true }));
}
main().then(() => console.log('end'));
