// A worker's 'exit' runs in the parent's poll phase: what its listener queues runs as node
// orders it (nextTick, then the check phase's immediate, then the next loop's timer).
const { Worker } = require('worker_threads');

const worker = new Worker('process.exit(7)', { eval: true });
worker.on('online', () => console.log('online'));
worker.on('exit', (code) => {
  console.log('exit', code);
  setTimeout(() => console.log('timeout after exit'), 0);
  setImmediate(() => console.log('immediate after exit'));
  process.nextTick(() => console.log('nextTick after exit'));
  Promise.resolve().then(() => console.log('promise after exit'));
});
