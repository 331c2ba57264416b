// fork: the child's process.exit(7) is the parent's exit code 7; its 'exit' listener runs first.
const { fork } = require('child_process');
const path = require('path');
const child = fork(path.join(__dirname, 'children', 'exit-code.js'));
let got;
child.on('message', (m) => { got = m; });
child.on('exit', (code, signal) => console.log('exit', code, signal, 'after', JSON.stringify(got)));
