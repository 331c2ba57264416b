// Child: says hello, then disconnects itself and ends.
process.on('disconnect', () => { process.exitCode = process.connected ? 1 : 5; });
process.on('exit', (code) => console.log('child: exit', code, 'connected =', process.connected));
process.send('hello');
process.disconnect();
