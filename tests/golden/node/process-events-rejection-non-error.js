// A rejection with a non-Error reason reaches 'uncaughtException' as node's UnhandledPromiseRejection.
process.on('uncaughtExceptionMonitor', (e, origin) => console.log('monitor', e.name, origin));
process.on('uncaughtException', (e, origin) => console.log('caught', String(e), origin, e.code));
Promise.reject(42);
setTimeout(() => console.log('alive'), 2);
