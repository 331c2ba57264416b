// An error thrown by an 'uncaughtException' listener: node reports it and exits with 7.
process.on('exit', (code) => console.log('exit', code));
process.on('uncaughtException', (err, origin) => {
  console.log('caught', err.message, origin);
  throw new Error('in the handler');
});
setTimeout(() => { throw new Error('first'); }, 1);
