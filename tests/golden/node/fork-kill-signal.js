// fork: kill() sends SIGTERM; the child ends by the signal: exit(null, 'SIGTERM').
const { fork } = require('child_process');
const path = require('path');
const child = fork(path.join(__dirname, 'children', 'stay.js'), { stdio: ['ignore', 'ignore', 'ignore', 'ipc'] });
child.on('message', () => {
  console.log('kill() returned', child.kill(), 'killed:', child.killed);
});
child.on('disconnect', () => console.log('disconnect'));
child.on('exit', (code, signal) => console.log('exit', code, signal, child.exitCode, child.signalCode));
child.on('close', (code, signal) => console.log('close', code, signal));
child.send('hi');
try { child.kill('SIGNOPE'); } catch (e) { console.log(e.name, e.code, e.message); }
