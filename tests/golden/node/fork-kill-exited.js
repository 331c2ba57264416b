// fork: kill() after the child has exited returns false and changes nothing.
const { fork } = require('child_process');
const path = require('path');
const child = fork(path.join(__dirname, 'children', 'answer.js'));
child.on('exit', (code, signal) => {
  console.log('exit', code, signal);
  console.log('kill() after exit:', child.kill(), 'killed:', child.killed);
  console.log('kill(SIGKILL) after exit:', child.kill('SIGKILL'));
});
child.on('close', () => console.log('close; kill() now:', child.kill(), child.exitCode, child.signalCode));
child.send('x');
