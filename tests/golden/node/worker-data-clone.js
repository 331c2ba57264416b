// workerData is a structured clone: Map, Set, Date, RegExp, typed arrays, undefined, cycles
// and shared references survive; the worker reports what it received.
const { Worker } = require('worker_threads');

const shared = { tag: 'shared' };
const data = {
  map: new Map([['a', 1], ['b', { nested: [1, 2] }]]),
  set: new Set(['x', 'y']),
  date: new Date(Date.UTC(2024, 0, 2, 3, 4, 5)),
  re: /wor?ker/gi,
  bytes: new Uint8Array([1, 2, 250]),
  floats: new Float64Array([0.5, -1.25]),
  nothing: undefined,
  special: [NaN, -0, Infinity, null],
  sparse: [1, , 3],
  big: 2n ** 70n,
  left: shared,
  right: shared,
};
data.self = data;

const worker = new Worker(`
  const { parentPort, workerData: d } = require('worker_threads');
  parentPort.postMessage([
    d.map instanceof Map && d.map.get('b').nested.length,
    d.set instanceof Set && [...d.set].join(','),
    d.date instanceof Date && d.date.toISOString(),
    d.re instanceof RegExp && d.re.flags + ' ' + d.re.source,
    d.bytes instanceof Uint8Array && Array.from(d.bytes).join(','),
    d.floats.constructor.name + ' ' + d.floats[1],
    'nothing' in d && d.nothing === undefined,
    Object.is(d.special[1], -0) && Number.isNaN(d.special[0]),
    1 in d.sparse,
    typeof d.big + ' ' + d.big,
    d.left === d.right,
    d.self === d,
  ]);
`, { eval: true, workerData: data });
worker.on('message', (report) => console.log(report));
worker.on('exit', (code) => console.log('exit', code));
data.map.set('c', 3);
console.log('the parent changed its copy after sending');
