// A worker can start its own worker; messages are relayed up, and each exit reaches its parent.
const { Worker, isMainThread, threadId, parentPort } = require('worker_threads');

if (isMainThread) {
  const outer = new Worker(__filename);
  outer.on('message', (m) => console.log('main got:', m));
  outer.on('exit', (code) => console.log('outer exit', code));
} else if (threadId === 1) {
  const inner = new Worker(__filename);
  inner.on('message', (m) => parentPort.postMessage('relayed ' + m));
  inner.on('exit', (code) => parentPort.postMessage('inner exit ' + code));
} else {
  parentPort.postMessage('hello from thread ' + threadId);
}
