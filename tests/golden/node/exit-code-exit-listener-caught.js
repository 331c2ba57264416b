// An 'uncaughtException' listener takes an error thrown in an 'exit' listener: the code stays.
process.on('uncaughtException', (err, origin) => { console.log('caught', err.message, origin); });
process.on('exit', (code) => { console.log('exit', code); throw new Error('in exit'); });
