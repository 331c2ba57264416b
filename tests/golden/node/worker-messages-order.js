// Messages both ways keep their order; each message's callback runs with its own nextTick and
// promise queues drained before the next message. The parent ends the worker once all came.
const { Worker } = require('worker_threads');

const worker = new Worker(`
  const { parentPort } = require('worker_threads');
  parentPort.on('message', (n) => {
    if (n === 'bye') {
      parentPort.close();
      return;
    }
    process.nextTick(() => parentPort.postMessage('tick after ' + n));
    Promise.resolve().then(() => parentPort.postMessage('promise after ' + n));
    parentPort.postMessage('got ' + n);
  });
`, { eval: true });

let received = 0;
worker.on('message', (msg) => {
  console.log(msg);
  process.nextTick(() => console.log('  parent tick after', msg));
  Promise.resolve().then(() => console.log('  parent promise after', msg));
  if (++received === 9) worker.postMessage('bye');
});
worker.on('exit', (code) => console.log('exit', code));
worker.postMessage(1);
worker.postMessage(2);
worker.postMessage(3);
