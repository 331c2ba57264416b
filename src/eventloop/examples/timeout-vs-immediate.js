// The race: in the main module, which runs first depends on how long the process took to start.
setTimeout(() => console.log('setTimeout 0'), 0);
setImmediate(() => console.log('setImmediate'));
