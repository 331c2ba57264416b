// terminate() stops a worker stuck in a busy loop: 'exit' with code 1, then the promise
// resolves with it; a second terminate() resolves with undefined.
const { Worker } = require('worker_threads');

const worker = new Worker(`
  const { parentPort } = require('worker_threads');
  parentPort.postMessage('spinning');
  while (true) {}
`, { eval: true });
worker.on('message', async (msg) => {
  console.log('worker says', msg);
  const code = await worker.terminate();
  console.log('terminate resolved with', code, 'threadId now', worker.threadId);
  console.log('again:', await worker.terminate());
});
worker.on('exit', (code) => console.log('exit', code));
