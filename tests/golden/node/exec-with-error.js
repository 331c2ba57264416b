// exec: a command that fails: the error's message, code, killed, signal and cmd; a missing program.
const { exec, execFile } = require('child_process');
exec('echo partial; echo failing >&2; exit 5', (err, stdout, stderr) => {
  console.log(err instanceof Error, JSON.stringify(err.message));
  console.log(err.code, err.killed, err.signal, err.cmd);
  console.log(JSON.stringify(stdout), JSON.stringify(stderr));
  execFile('no-such-command-here', ['a', 'b'], (e2) => {
    console.log(e2.message, e2.code, e2.errno, e2.syscall, e2.path, e2.spawnargs, e2.cmd);
  });
});
