// setEnvironmentData: a worker gets a copy of what was set before it started.
const { Worker, setEnvironmentData, getEnvironmentData } = require('worker_threads');

setEnvironmentData('config', { level: 3, tags: new Set(['a', 'b']) });
const worker = new Worker(`
  const { getEnvironmentData, workerData } = require('worker_threads');
  console.log('worker sees', getEnvironmentData('config'), getEnvironmentData('later'), workerData);
`, { eval: true, workerData: [1, 2] });
setEnvironmentData('later', 'set after the worker started');
worker.on('exit', (code) => console.log('exit', code, getEnvironmentData('later')));
