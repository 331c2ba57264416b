// A listener's stack shows node's emit: one line for a single listener, another for several, and
// the once wrapper (called one way without arguments, another with them), under the emitter's type.
const EventEmitter = require('events');
const where = (tag) => console.log(tag, new Error('x').stack.split('\n').slice(2, 4).join(' |'));
const a = new EventEmitter();
a.on('x', () => where('single'));
a.emit('x');
const b = new EventEmitter();
b.on('x', () => where('first of two'));
b.on('x', () => where('second of two'));
b.emit('x', 1);
class Job extends EventEmitter {}
const c = new Job();
c.once('x', () => where('once, no arguments'));
c.emit('x');
c.once('x', (n) => where('once, an argument'));
c.on('x', () => {});
c.emit('x', 1);
process.on('ping', function ping() { where('process'); });
process.emit('ping');
const d = new Job();
d.once('boom', (n) => { throw new Error(`listener failed on ${n}`); });
d.emit('boom', 7);
