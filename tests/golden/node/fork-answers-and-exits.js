// fork: the child answers one message and exits; the parent sees message, disconnect, exit, close.
const { fork } = require('child_process');
const path = require('path');
console.log('parent: forking');
const child = fork(path.join(__dirname, 'children', 'answer.js'));
console.log('pid is a number:', typeof child.pid === 'number', 'connected:', child.connected);
child.on('spawn', () => console.log('spawn'));
child.on('message', (m) => console.log('parent got', m));
child.on('disconnect', () => console.log('disconnect, connected =', child.connected));
child.on('exit', (code, signal) => console.log('exit', code, signal, child.exitCode, child.signalCode));
child.on('close', (code, signal) => console.log('close', code, signal));
console.log('send returned', child.send('start...'));
