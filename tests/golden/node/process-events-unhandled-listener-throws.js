// An error thrown by an 'unhandledRejection' listener is uncaught, with node's rejection frames.
process.on('exit', (code) => console.log('exit', code));
process.on('unhandledRejection', (reason) => { throw new Error('from the listener ' + reason); });
Promise.reject(1);
