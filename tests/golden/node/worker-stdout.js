// A worker's console output reaches the parent's stdout and stderr, in its order per stream,
// before the parent's 'exit' event.
const { Worker } = require('worker_threads');

const worker = new Worker(`
  console.log('line 1');
  console.log('line 2');
  process.stdout.write('no newline, ');
  console.log('then one');
  console.error('to stderr');
  console.log({ obj: [1, 2] });
`, { eval: true });
worker.on('exit', (code) => console.log('exit', code));
