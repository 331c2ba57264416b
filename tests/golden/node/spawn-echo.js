// spawn: an ordinary command's stdout as a stream: data, end, then exit and close.
const { spawn } = require('child_process');
const child = spawn('echo', ['hello', 'from echo']);
console.log('spawnfile', child.spawnfile, 'spawnargs', child.spawnargs, 'connected', child.connected);
child.stdout.setEncoding('utf8');
child.stdout.on('data', (d) => console.log('data', JSON.stringify(d)));
child.stdout.on('end', () => console.log('stdout end'));
child.on('spawn', () => console.log('spawn'));
child.on('exit', (code, signal) => console.log('exit', code, signal));
child.on('close', (code, signal) => console.log('close', code, signal));
