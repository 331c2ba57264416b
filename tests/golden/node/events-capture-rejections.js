// captureRejections: a rejected promise from an async listener becomes an 'error' event
const { EventEmitter } = require('events');
const e = new EventEmitter({ captureRejections: true });
e.on('job', async (n) => { throw new Error('job ' + n + ' failed'); });
e.on('error', (err) => console.log('error event:', err.message));
e.emit('job', 1);
console.log('emitted');
class Custom extends EventEmitter {
  [EventEmitter.captureRejectionSymbol](err, name, ...args) { console.log('custom', err.message, name, args); }
}
const c = new Custom({ captureRejections: true });
c.on('go', async (x) => { throw new Error('go ' + x); });
c.emit('go', 7);
console.log(EventEmitter.captureRejections, typeof EventEmitter.captureRejectionSymbol);
