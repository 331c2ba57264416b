// stdout: true / stderr: true: the worker's output becomes readable streams of the Worker
// instead of going to the parent's own stdout and stderr.
const { Worker } = require('worker_threads');

const worker = new Worker(`
  console.log('to the stream');
  console.error('to the error stream');
`, { eval: true, stdout: true, stderr: true });
let out = '';
let err = '';
worker.stdout.on('data', (chunk) => { out += chunk; });
worker.stderr.on('data', (chunk) => { err += chunk; });
worker.on('exit', (code) => {
  console.log('exit', code);
  setImmediate(() => console.log(JSON.stringify({ out, err })));
});
