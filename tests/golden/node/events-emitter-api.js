// EventEmitter's listener bookkeeping: prepend, once, raw listeners, names, counts, removal
const EventEmitter = require('events');
const e = new EventEmitter();
e.on('newListener', (name, fn) => console.log('newListener', String(name), fn.name));
e.on('removeListener', (name, fn) => console.log('removeListener', String(name), fn.name));
function a() { console.log('a'); }
function b() { console.log('b'); }
function c() { console.log('c'); }
e.on('x', a);
e.prependListener('x', b);
e.prependOnceListener('x', c);
const sym = Symbol('s');
e.once(sym, a);
console.log(e.eventNames());
console.log(e.listenerCount('x'), e.listeners('x').map((f) => f.name));
console.log(e.rawListeners('x').map((f) => f.name), e.rawListeners('x')[0].listener === c);
console.log(e.emit('x', 1));
console.log(e.listenerCount('x'));
console.log(e.emit('nothing'));
e.off('x', a);
e.removeAllListeners('x');
console.log(e.eventNames());
e.removeAllListeners();
console.log(e.eventNames(), e.listenerCount('newListener'));
console.log(EventEmitter.listenerCount(e, 'x'), e.getMaxListeners(), EventEmitter.defaultMaxListeners);
