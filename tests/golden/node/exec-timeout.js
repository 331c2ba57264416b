// exec: timeout kills the command with killSignal; maxBuffer stops a command that says too much.
const { exec } = require('child_process');
exec('sleep 5', { timeout: 50 }, (err, stdout) => {
  console.log('timeout:', err.killed, err.signal, err.code, JSON.stringify(stdout));
  exec('yes | head -c 100000', { maxBuffer: 1000 }, (err2, out2) => {
    console.log('maxBuffer:', err2.name, err2.code, err2.message, out2.length);
  });
});
