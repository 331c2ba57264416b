// fork: silent: true pipes the child's stdout and stderr to the parent instead of the terminal.
const { fork } = require('child_process');
const path = require('path');
const child = fork(path.join(__dirname, 'children', 'chatty.js'), ['--flag', 'x'], { silent: true });
console.log('stdin, stdout, stderr:', !!child.stdin, !!child.stdout, !!child.stderr, child.stdio.length);
const out = [];
const err = [];
child.stdout.on('data', (d) => out.push(d));
child.stderr.setEncoding('utf8');
child.stderr.on('data', (d) => err.push(d));
child.on('exit', (code) => console.log('exit', code));
child.on('close', (code) => {
  console.log('close', code);
  console.log('stdout:', JSON.stringify(Buffer.concat(out).toString()));
  console.log('stderr:', JSON.stringify(err.join('')));
});
