// A worker's process.env is a copy of the parent's (or options.env), and options.argv follows
// its file in process.argv.
const { Worker } = require('worker_threads');

process.env.FROM_PARENT = 'yes';
const code = `
  const { parentPort } = require('worker_threads');
  parentPort.postMessage([process.env.FROM_PARENT, process.env.ONLY_HERE, process.argv.slice(1)]);
  process.env.FROM_PARENT = 'changed in the worker';
`;
const first = new Worker(code, { eval: true, argv: ['a', 2] });
first.on('message', (m) => console.log('copied env:', m));
first.on('exit', () => {
  console.log('parent still sees', process.env.FROM_PARENT);
  const second = new Worker(code, { eval: true, env: { ONLY_HERE: 'given' } });
  second.on('message', (m) => console.log('options.env:', m));
});
