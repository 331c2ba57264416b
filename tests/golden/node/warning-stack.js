// A warning's stack starts at the caller of emitWarning, under the warning's own name.
process.on('warning', (w) => console.log(w.stack.split('\n').slice(0, 3).join('\n')));
function f() { process.emitWarning('x', { type: 'T', code: 'C7' }); }
f();
