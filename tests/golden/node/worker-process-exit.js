// process.exit() in a worker ends only the worker: its 'exit' listeners run, its output so far
// reaches the parent, and the parent's 'exit' event has the code.
const { Worker } = require('worker_threads');

const worker = new Worker(`
  process.on('exit', (code) => console.log('worker exit listener', code));
  console.log('worker before exit');
  console.log('worker still before exit');
  process.exit(3);
  console.log('never printed');
`, { eval: true });
worker.on('exit', (code) => {
  console.log('worker exited with', code);
  setTimeout(() => console.log('parent goes on after the worker'), 0);
});
process.on('exit', (code) => console.log('parent exit', code));
