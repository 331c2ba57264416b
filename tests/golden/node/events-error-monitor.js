// events.errorMonitor sees an 'error' before the listeners, without handling it
const { EventEmitter, errorMonitor } = require('events');
const e = new EventEmitter();
e.on(errorMonitor, (err) => console.log('monitor', err.message));
e.on('error', (err) => console.log('handled', err.message));
e.emit('error', new Error('first'));
const f = new EventEmitter();
f.on(errorMonitor, (err) => console.log('monitor only', err.message));
try { f.emit('error', new Error('second')); } catch (err) { console.log('thrown', err.message); }
console.log(typeof errorMonitor, errorMonitor.toString());
