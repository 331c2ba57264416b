// an unhandled 'error' from a subclass instance inside a timer: node's report names the class
const EventEmitter = require('events');
class Door extends EventEmitter {
  open() { this.emit('error', new TypeError('door is locked')); }
}
const d = new Door();
setTimeout(() => d.open(), 1);
