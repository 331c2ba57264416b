// Child: takes a socket or a server sent by its parent and answers through it.
process.on('message', (m, handle) => {
  if (m === 'socket') {
    handle.end(`the child answers on a ${handle.constructor.name} it was sent\n`);
  } else if (m === 'server') {
    handle.on('connection', (socket) => {
      socket.end('the child accepted this on the server it was sent\n');
      handle.close();
    });
    process.send('listening');
  }
});
