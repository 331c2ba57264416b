// A worker's uncaught error with no 'error' listener in the parent is uncaught in the parent:
// node's report (the error as the worker threw it) and exit code 1.
const { Worker } = require('worker_threads');

const worker = new Worker('./worker-files/thrower.js');
worker.on('exit', (code) => console.log('exit', code));
process.on('exit', (code) => console.log('parent exit', code));
