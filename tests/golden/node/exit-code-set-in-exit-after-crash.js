// After an uncaught error, node sets process.exitCode to 1 before 'exit'; a listener may change it.
process.exitCode = 4;
process.on('exit', (code) => { console.log('exit', code, process.exitCode); process.exitCode = 6; });
setTimeout(() => { throw new Error('crash'); }, 1);
