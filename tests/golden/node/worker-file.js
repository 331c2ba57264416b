// A worker from a file (a relative path), with workerData and argv.
const path = require('path');
const { Worker } = require('worker_threads');

const worker = new Worker('./worker-files/square.js', {
  workerData: { numbers: [1, 2, 3, 4] },
  argv: ['--fast', 7],
});
worker.on('message', (squares) => console.log('squares:', squares));
worker.on('exit', (code) => console.log('exit', code));
console.log('started', path.basename(__filename));
