// fork: a child that throws at start-up prints node's report on its stderr and exits with 1.
const { fork } = require('child_process');
const path = require('path');
const child = fork(path.join(__dirname, 'children', 'throws.js'));
child.on('exit', (code, signal) => console.log('parent: child exited with', code, signal));
child.on('close', () => console.log('parent: close'));
