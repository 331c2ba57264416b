// Bad Worker arguments throw at once, as node's: a bare file name, a non-string, bad options.
const { Worker } = require('worker_threads');

for (const args of [['worker.js'], [42], ['./x.js', { argv: 'a' }]]) {
  try {
    new Worker(...args);
  } catch (err) {
    console.log(err.name, err.code, err.message);
  }
}
