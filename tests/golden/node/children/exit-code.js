// Child: ends with process.exit(7) after its 'exit' listener.
process.on('exit', (code) => console.log('child exit listener', code));
process.send('about to exit', () => process.exit(7));
