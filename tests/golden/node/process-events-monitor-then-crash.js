// A monitor sees the error but does not keep the process alive.
process.on('uncaughtExceptionMonitor', (err, origin) => { console.log('monitor', err.message, origin); });
process.on('exit', (code) => console.log('exit', code));
throw new Error('boom');
