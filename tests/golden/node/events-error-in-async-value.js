// an unhandled 'error' with a non-Error value inside an async function: node points at its own line
const EventEmitter = require('events');
const e = new EventEmitter();
async function f() { e.emit('error', 'str'); }
f();
