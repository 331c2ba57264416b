// 'uncaughtExceptionMonitor' runs before 'uncaughtException', with the origin of each error.
process.on('uncaughtExceptionMonitor', (err, origin) => { console.log('monitor', err.message, origin); });
process.on('uncaughtException', (err, origin) => { console.log('caught', err.message, origin); });
setTimeout(() => { throw new Error('from a timer'); }, 1);
Promise.reject(new Error('from a promise'));
setTimeout(() => console.log('still alive'), 5);
