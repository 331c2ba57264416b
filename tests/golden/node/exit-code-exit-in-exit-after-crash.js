// process.exit in an 'exit' listener after an uncaught error: node exits with that code and its
// report of the error is never printed (it comes after the 'exit' listeners).
process.on('exit', (code) => { console.log('exit', code); process.exit(3); });
setTimeout(() => { throw new Error('never reported'); }, 1);
