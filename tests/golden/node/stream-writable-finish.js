// Writable: write callbacks, 'finish', 'close', end's callback, and drain with a small highWaterMark.
const { Writable } = require('stream');
const w = new Writable({
  highWaterMark: 3,
  write(chunk, enc, cb) { console.log('write', chunk.toString()); cb(); },
});
w.on('finish', () => console.log('finish'));
w.on('close', () => console.log('close'));
w.on('drain', () => console.log('drain'));
console.log('ok1', w.write('x', () => console.log('cb x')));
console.log('ok2', w.write('long', () => console.log('cb long')));
w.end('y', () => console.log('end cb'));
process.nextTick(() => console.log('tick'));
Promise.resolve().then(() => console.log('promise'));
const slow = new Writable({
  write(chunk, enc, cb) { setImmediate(() => { console.log('slow wrote', chunk.toString()); cb(); }); },
  final(cb) { console.log('final'); cb(); },
});
slow.on('finish', () => console.log('slow finish'));
slow.write('1');
slow.write('2');
slow.end();
console.log('main done', w.writableEnded, w.writableFinished);
