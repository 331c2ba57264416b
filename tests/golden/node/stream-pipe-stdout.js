// readable.pipe(transform).pipe(process.stdout): stdout is written, never ended.
const { Readable, Transform } = require('stream');
const upper = new Transform({ transform(c, e, cb) { cb(null, c.toString().toUpperCase()); } });
Readable.from(['one\n', 'two\n']).pipe(upper).pipe(process.stdout);
upper.on('end', () => console.log('upper end'));
process.nextTick(() => console.log('tick'));
