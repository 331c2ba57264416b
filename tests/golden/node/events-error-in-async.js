// an unhandled 'error' inside an async function: a rejection, reported where the error was made
const EventEmitter = require('events');
const e = new EventEmitter();
async function f() { e.emit('error', new Error('in async')); }
f();
