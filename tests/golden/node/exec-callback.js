// exec: a shell command's stdout and stderr as strings, in the callback.
const { exec, execFile } = require('child_process');
exec('echo $((6 * 7)); echo to stderr >&2', (err, stdout, stderr) => {
  console.log('exec', err, JSON.stringify(stdout), JSON.stringify(stderr));
  execFile('printf', ['%s-%s', 'a', 'b'], (err2, out2) => {
    console.log('execFile', err2, JSON.stringify(out2));
    execFile('echo', ['buffers'], { encoding: 'buffer' }, (err3, out3) => console.log('buffer', out3));
  });
});
