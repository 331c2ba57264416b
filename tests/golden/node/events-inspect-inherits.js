// an emitter printed by console.log, and the old util.inherits pattern
const EventEmitter = require('events');
const util = require('util');
function Legacy() { EventEmitter.call(this); this.name = 'legacy'; }
util.inherits(Legacy, EventEmitter);
Legacy.prototype.greet = function () { this.emit('greet', this.name); };
const l = new Legacy();
l.on('greet', (n) => console.log('hello', n));
l.greet();
console.log(l instanceof EventEmitter, Legacy.super_ === EventEmitter);
const e = new EventEmitter();
console.log(e);
e.on('a', function one() {});
e.on('a', function two() {});
e.once('b', () => {});
console.log(e);
class Door extends EventEmitter {}
console.log(new Door({ captureRejections: true }));
try { e.on('c', 'nope'); } catch (err) { console.log(err.code, err.message); }
try { e.setMaxListeners(-1); } catch (err) { console.log(err.code, err.message); }
