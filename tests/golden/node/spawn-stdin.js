// spawn: write to a child's stdin, end it, and read what it made of it.
const { spawn } = require('child_process');
const child = spawn('tr', ['a-z', 'A-Z']);
let out = '';
child.stdout.on('data', (d) => { out += d; });
child.stdin.write('first line\n');
child.stdin.end('second line\n');
child.on('close', (code) => console.log('close', code, JSON.stringify(out)));
