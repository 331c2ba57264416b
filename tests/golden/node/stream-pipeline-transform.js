// pipeline(Readable.from, Transform, Writable, cb): each stream's events and the callback among nextTicks.
const { Readable, Writable, Transform, pipeline } = require('stream');
const log = (...a) => console.log(...a);
const t = new Transform({ transform(c, e, cb) { log('transform', c); cb(null, c.toString().toUpperCase()); } });
const src = Readable.from(['p', 'q']);
src.on('end', () => log('src end')); src.on('close', () => log('src close'));
t.on('end', () => log('t end')); t.on('finish', () => log('t finish')); t.on('close', () => log('t close'));
const w = new Writable({ write(c, e, cb) { log('sink', c.toString()); cb(); } });
w.on('finish', () => log('w finish')); w.on('close', () => log('w close'));
pipeline(src, t, w, (err) => log('pipeline done', err));
let n = 0; function tick() { if (n++ < 14) { log('tick', n); process.nextTick(tick); } } process.nextTick(tick);
