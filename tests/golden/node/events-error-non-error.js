// 'error' emitted with a non-Error value and no listener: ERR_UNHANDLED_ERROR
const EventEmitter = require('events');
const e = new EventEmitter();
try {
  e.emit('error', 'x');
} catch (err) {
  console.log(err.name, err.code, err.message, err.context);
}
e.emit('error', { a: 1 });
