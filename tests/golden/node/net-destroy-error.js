// socket.destroy(err): 'error' on a tick, then 'close' with hadError true; destroy is idempotent.
const net = require('net');

const server = net.createServer((socket) => {
  socket.on('error', (e) => console.log('error:', e.message));
  socket.on('close', (hadError) => {
    console.log('close, hadError =', hadError, 'destroyed =', socket.destroyed);
    server.close();
  });
  socket.destroy(new Error('boom'));
  socket.destroy(new Error('again'));
  console.log('after destroy: destroyed =', socket.destroyed);
});
server.listen(0, () => {
  const client = net.connect(server.address().port);
  client.on('error', () => {});
  client.resume();
});
