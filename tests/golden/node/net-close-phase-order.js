// Where 'close' events run: a server's on a tick after close() (once its connections are
// gone); a socket's in the close-callbacks phase, after the check phase's immediates.
const net = require('net');

const server = net.createServer((socket) => {
  socket.on('close', () => console.log('server socket close'));
  socket.destroy();
  console.log('destroyed the socket');
  setImmediate(() => console.log('immediate after destroy'));
  process.nextTick(() => console.log('tick after destroy'));
  server.close(() => console.log('server close callback'));
  server.on('close', () => console.log('server close event'));
});
server.listen(0, () => {
  const client = net.connect(server.address().port);
  client.on('error', () => {});
  client.resume();
});
