// An error thrown by a Worker's 'message' listener is thrown again on the next tick by node's
// event dispatch: its report names that site. (The worker waits for messages, so only the
// parent's failure ends the program.)
const { Worker } = require('worker_threads');

const worker = new Worker(`
  const { parentPort } = require('worker_threads');
  parentPort.on('message', () => {});
  parentPort.postMessage('hi');
`, { eval: true });
worker.on('message', (m) => {
  process.nextTick(() => console.log('a tick queued before the throw'));
  throw new Error('listener failed on ' + m);
});
process.on('exit', (code) => console.log('parent exit', code));
