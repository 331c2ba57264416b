// isMainThread, threadId, parentPort and workerData, in the main thread and in two workers.
const { Worker, isMainThread, threadId, parentPort, workerData } = require('worker_threads');

if (isMainThread) {
  console.log('main:', isMainThread, threadId, parentPort, workerData);
  const first = new Worker(__filename, { workerData: 'first' });
  console.log('first.threadId', first.threadId);
  first.on('message', (m) => {
    console.log('from first:', m);
    const second = new Worker(__filename, { workerData: 'second' });
    console.log('second.threadId', second.threadId);
    second.on('message', (m2) => console.log('from second:', m2));
  });
} else {
  parentPort.postMessage({ isMainThread, threadId, workerData, port: parentPort.constructor.name });
}
