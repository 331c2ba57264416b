// A worker's uncaught error with no 'error' listener in the parent is uncaught in the parent:
// node's report (the error as the worker threw it) and exit code 1. (Node meets the error either
// before the worker's exit or while draining its port at the exit; five frames in the report's
// "Emitted 'error'" stack are the same either way.)
const { Worker } = require('worker_threads');

Error.stackTraceLimit = 5;
new Worker('./worker-files/thrower.js');
process.on('exit', (code) => console.log('parent exit', code));
