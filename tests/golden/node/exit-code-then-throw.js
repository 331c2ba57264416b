// An uncaught exception wins over process.exitCode (exit 1).
process.exitCode = 9;
setTimeout(() => { throw new Error('thrown in a timer'); }, 0);
