// Messages both ways keep their order; each message's callback runs with its own nextTick and
// promise queues drained before the next message.
const { Worker } = require('worker_threads');

const worker = new Worker(`
  const { parentPort } = require('worker_threads');
  let count = 0;
  parentPort.on('message', (n) => {
    count++;
    process.nextTick(() => parentPort.postMessage('tick after ' + n));
    Promise.resolve().then(() => parentPort.postMessage('promise after ' + n));
    parentPort.postMessage('got ' + n);
    if (count === 3) parentPort.close();
  });
`, { eval: true });

worker.on('message', (msg) => {
  console.log(msg);
  process.nextTick(() => console.log('  parent tick after', msg));
  Promise.resolve().then(() => console.log('  parent promise after', msg));
});
worker.on('exit', (code) => console.log('exit', code));
worker.postMessage(1);
worker.postMessage(2);
worker.postMessage(3);
