// for await over a Readable, Readable.from (sync and async iterables), PassThrough, pipe.
const { Readable, PassThrough, Writable } = require('stream');
async function* gen() { yield 'g1'; yield 'g2'; }
async function main() {
  for await (const x of Readable.from([1, 2, 3])) console.log('from array', x);
  for await (const x of Readable.from(gen())) console.log('from generator', x);
  const pt = new PassThrough();
  pt.write('p1');
  pt.end('p2');
  const got = [];
  for await (const c of pt) got.push(c.toString());
  console.log('passthrough', got);
  const sink = new Writable({ write(c, e, cb) { console.log('piped', c.toString()); cb(); } });
  sink.on('finish', () => console.log('sink finish'));
  Readable.from(['a', 'b']).pipe(sink);
}
main().then(() => console.log('main resolved'));
process.nextTick(() => console.log('tick'));
