// execSync / execFileSync: the output returned; a failure thrown with status and stderr.
const { execSync, execFileSync } = require('child_process');
console.log(JSON.stringify(execSync('echo synchronous').toString()));
console.log(JSON.stringify(execFileSync('echo', ['a', 'b'], { encoding: 'utf8' })));
try {
  execSync('echo out; echo "not good" >&2; exit 2', { stdio: 'pipe' });
} catch (e) {
  console.log(e.message.split('\n'));
  console.log(e.status, e.signal, String(e.stdout), String(e.stderr), Object.keys(e));
}
try {
  execFileSync('no-such-command-here');
} catch (e) {
  console.log(e.code, e.message, e.status);
}
