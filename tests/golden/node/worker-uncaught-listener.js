// An uncaught error in a worker reaches the parent's 'error' listener as an Error of the same
// kind; the worker's 'exit' listeners run and it exits with code 1. The parent lives on.
const { Worker } = require('worker_threads');

const worker = new Worker(`
  process.on('exit', (code) => console.log('worker exit listener', code));
  const err = new RangeError('out of range in the worker');
  err.code = 'E_WORKER';
  throw err;
`, { eval: true });
worker.on('error', (err) => {
  console.log('error event:', err instanceof RangeError, err.name, err.message, err.code);
  console.log('keys:', Object.keys(err));
});
worker.on('exit', (code) => console.log('exit', code));
process.on('exit', (code) => console.log('parent exit', code));
