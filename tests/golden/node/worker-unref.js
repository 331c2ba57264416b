// An unref()'d worker does not keep the parent alive.
const { Worker } = require('worker_threads');

const worker = new Worker('setInterval(() => {}, 1000)', { eval: true });
worker.unref();
worker.on('exit', () => console.log('never: the parent does not wait'));
process.on('exit', (code) => console.log('parent exits', code, 'without waiting'));
