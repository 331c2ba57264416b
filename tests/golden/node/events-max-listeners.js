// more than the maximum of listeners prints node's MaxListenersExceededWarning once
const EventEmitter = require('events');
const e = new EventEmitter();
e.setMaxListeners(2);
console.log(e.getMaxListeners());
for (let i = 0; i < 4; i++) e.on('data', () => {});
const f = new EventEmitter();
for (let i = 0; i < 11; i++) f.on('tick', () => {});
process.on('exit', () => console.log('exit', e.listenerCount('data'), f.listenerCount('tick')));
