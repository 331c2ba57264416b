// An error a worker throws later, in a timer: the parent's 'error' listener gets it with the
// worker's stack (its timer frames), then 'exit' with code 1.
const { Worker } = require('worker_threads');

const worker = new Worker(`
  console.log('worker started');
  setTimeout(function fail() { throw new TypeError('late failure'); }, 5);
`, { eval: true });
worker.on('error', (err) => {
  console.log('error:', err.name, err.message);
  console.log(err.stack);
});
worker.on('exit', (code) => console.log('exit', code));
