// spawnSync: status, signal, stdout, stderr and output; input fed to stdin; encoding.
const { spawnSync } = require('child_process');
const r = spawnSync('sh', ['-c', 'echo out; echo err >&2; exit 3']);
console.log(r.status, r.signal, r.output.length, r.output[0], r.stdout, r.stderr.toString());
const cat = spawnSync('cat', [], { input: 'fed through stdin', encoding: 'utf8' });
console.log(cat.status, JSON.stringify(cat.stdout), JSON.stringify(cat.stderr));
const missing = spawnSync('no-such-command-here', ['x']);
console.log(missing.error.message, missing.error.code, missing.error.spawnargs, missing.status, missing.stdout);
const killed = spawnSync('sleep', ['5'], { timeout: 50 });
console.log(killed.status, killed.signal, killed.error.code, killed.error.message);
const shell = spawnSync('echo $GREETING', { shell: true, env: { GREETING: 'hi from the shell', PATH: process.env.PATH } });
console.log(JSON.stringify(shell.stdout.toString()));
