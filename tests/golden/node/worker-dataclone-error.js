// Values that cannot be cloned (functions, symbols, promises, WeakMaps) throw node's
// DataCloneError, from postMessage and from the Worker constructor's workerData.
const { Worker } = require('worker_threads');

function show(label, fn) {
  try {
    fn();
    console.log(label, 'sent');
  } catch (err) {
    console.log(label, err instanceof DOMException, err.name, err.code, err.message);
  }
}

const worker = new Worker(`
  require('worker_threads').parentPort.once('message', (m) => console.log('worker got', m));
`, { eval: true });
show('function', () => worker.postMessage(function add(a, b) { return a + b; }));
show('arrow in object', () => worker.postMessage({ f: () => 1 }));
show('symbol', () => worker.postMessage(Symbol('s')));
show('promise', () => worker.postMessage(Promise.resolve(1)));
show('weakmap', () => worker.postMessage(new WeakMap()));
show('no argument', () => worker.postMessage());
show('workerData', () => new Worker('0', { eval: true, workerData: { cb() {} } }));
show('plain', () => worker.postMessage({ ok: true }));
worker.on('exit', (code) => console.log('exit', code));
