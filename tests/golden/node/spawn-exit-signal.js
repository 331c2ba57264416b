// spawn: a command killed by a signal exits with (null, signal); kill() returns true once.
const { spawn } = require('child_process');
const child = spawn('sleep', ['10']);
child.on('spawn', () => {
  console.log('kill', child.kill('SIGKILL'), child.killed);
});
child.on('exit', (code, signal) => {
  console.log('exit', code, signal);
  console.log('kill again', child.kill());
});
child.on('close', (code, signal) => console.log('close', code, signal));
