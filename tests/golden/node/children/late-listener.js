// Child: listens for messages only after a while; what came before waits for the listener.
setTimeout(() => {
  process.on('message', (m) => process.send('late listener got ' + m));
}, 50);
