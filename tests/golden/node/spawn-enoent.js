// spawn: a command that does not exist: 'error' with node's ENOENT error, then 'close' with -2.
const { spawn } = require('child_process');
const child = spawn('no-such-command-here', ['--help']);
console.log('pid', child.pid);
child.on('spawn', () => console.log('never spawned'));
child.on('error', (e) => {
  console.log('error:', e.message);
  console.log(e.errno, e.code, e.syscall, e.path, e.spawnargs);
  console.log('exitCode', child.exitCode);
});
child.on('exit', () => console.log('no exit event'));
child.on('close', (code, signal) => console.log('close', code, signal));
