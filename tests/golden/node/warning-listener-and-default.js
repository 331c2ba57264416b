// A 'warning' listener runs on the next tick; node's own printing on stderr still happens.
process.on('warning', (w) => { console.log('warning', w.name, w.message, w.code, w instanceof Error); });
process.emitWarning('a');
process.emitWarning('b', 'DeprecationWarning', 'DEP1');
console.log('sync');
