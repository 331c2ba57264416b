// An error thrown in a 'beforeExit' listener is uncaught; 'exit' still runs with code 1.
process.on('beforeExit', (code) => { console.log('beforeExit', code); throw new Error('in beforeExit'); });
process.on('exit', (code) => console.log('exit', code));
