// 'error' emitted with no listener throws the error itself
const EventEmitter = require('events');
const e = new EventEmitter();
e.emit('error', new Error('boom'));
