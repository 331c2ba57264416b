// An eval worker echoes each message back; the parent sends three, then asks it to stop.
const { Worker } = require('worker_threads');

const worker = new Worker(`
  const { parentPort } = require('worker_threads');
  parentPort.on('message', (msg) => {
    if (msg === 'stop') {
      parentPort.close();
      return;
    }
    parentPort.postMessage('echo: ' + msg);
  });
`, { eval: true });

worker.on('online', () => console.log('online'));
worker.on('message', (msg) => console.log(msg));
worker.on('exit', (code) => console.log('exit', code));
for (const word of ['one', 'two', 'three']) worker.postMessage(word);
worker.postMessage('stop');
console.log('main script done');
