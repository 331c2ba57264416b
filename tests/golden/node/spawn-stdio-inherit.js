// spawn: stdio 'inherit' lets the child write straight to this process's stdout, in order.
const { spawn } = require('child_process');
console.log('before the child');
const child = spawn('sh', ['-c', 'echo child line 1; echo child line 2'], { stdio: 'inherit' });
child.on('close', (code) => console.log('after the child', code, 'streams', child.stdin, child.stdout, child.stderr));
