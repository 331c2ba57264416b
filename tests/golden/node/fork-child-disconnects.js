// fork: the child calls process.disconnect(); both sides see 'disconnect', then the child ends.
const { fork } = require('child_process');
const path = require('path');
const child = fork(path.join(__dirname, 'children', 'leaves.js'));
const got = [];
child.on('message', (m) => got.push(m));
child.on('disconnect', () => got.push('disconnect'));
child.on('exit', (code) => console.log('parent: exit', code, 'after', got));
child.on('close', () => console.log('parent: close'));
