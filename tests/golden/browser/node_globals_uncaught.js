// An uncaught ReferenceError from a Node-only call is reported; the page goes on.
setTimeout(() => console.log('later task still runs'), 0);
console.log('before');
setImmediate(() => console.log('never'));
console.log('never printed');
