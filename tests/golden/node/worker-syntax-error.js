// A worker file with a syntax error: the parent's 'error' event gets the SyntaxError, its stack
// as node's worker reports it.
const { Worker } = require('worker_threads');

const worker = new Worker('./worker-files/bad-syntax.js');
worker.on('error', (err) => {
  console.log(err.name, err.message);
  console.log(err.stack.replace(__dirname, '<here>'));
});
worker.on('exit', (code) => console.log('exit', code));
