// fork: a module path that does not exist; the CHILD prints node's report and exits with 1.
const { fork } = require('child_process');
const path = require('path');
const child = fork(path.join(__dirname, 'children', 'no-such-child.js'));
child.on('spawn', () => console.log('spawned (the process starts; the module is missing)'));
child.on('error', (e) => console.log('error', e.message));
child.on('disconnect', () => console.log('disconnect'));
child.on('exit', (code, signal) => console.log('exit', code, signal));
child.on('close', (code) => console.log('close', code));
