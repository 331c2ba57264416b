// An error thrown in an 'exit' listener is uncaught: node's report, exit code 1.
process.on('exit', (code) => { console.log('exit', code); throw new Error('in exit'); });
console.log('main');
