// Worker file for worker-file.js: squares the numbers it is given.
const { parentPort, workerData, isMainThread } = require('worker_threads');

console.log('worker file running:', isMainThread, process.argv.slice(2));
parentPort.postMessage(workerData.numbers.map((n) => n * n));
