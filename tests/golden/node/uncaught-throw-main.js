// An uncaught exception in the main script: file:line, source line, caret, message; exit 1.
console.log('before the throw');
process.nextTick(() => console.log('never: tick'));
throw new Error('boom in main');
