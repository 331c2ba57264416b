// Child: the notes' child, which never exits by itself; tells what ends it.
process.on('message', (m) => {
  console.log('child got', m);
  process.send('ready');
});
process.on('disconnect', () => console.log('child: disconnect, connected =', process.connected));
process.on('exit', (code) => console.log('child: exit', code));
