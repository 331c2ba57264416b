// A worker whose file does not exist: it still comes online, then fails with node's
// MODULE_NOT_FOUND error and exits with 1.
const { Worker } = require('worker_threads');

const worker = new Worker('./worker-files/no-such-file.js');
worker.on('online', () => console.log('online'));
worker.on('error', (err) => console.log('error', err.code, err.message.replace(__dirname, '<here>'), err.requireStack));
worker.on('exit', (code) => console.log('exit', code));
