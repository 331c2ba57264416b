// Messages from a worker keep Map, Set, Date, RegExp, Error and typed arrays (a Buffer arrives as
// a Uint8Array); class instances arrive as plain objects.
const { Worker } = require('worker_threads');

const worker = new Worker(`
  const { parentPort } = require('worker_threads');
  class Point { constructor() { this.x = 1; this.y = 2; } }
  parentPort.postMessage(new Map([[1, new Set(['a', 'b'])], ['when', new Date(0)]]));
  parentPort.postMessage({ re: /x+/m, point: new Point(), buf: Buffer.from('hi'), nested: { list: [undefined, null] } });
  parentPort.postMessage(new TypeError('made in a worker'));
`, { eval: true });
worker.on('message', (m) => {
  if (m instanceof Error) {
    console.log('error:', m instanceof TypeError, m.name, m.message);
    return;
  }
  console.log(m);
  if (m.point) console.log(Object.getPrototypeOf(m.point) === Object.prototype, m.buf.constructor.name);
});
worker.on('exit', (code) => console.log('exit', code));
