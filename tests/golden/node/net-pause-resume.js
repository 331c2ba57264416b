// A paused socket buffers what arrives; resume() lets it flow on a later tick.
const net = require('net');

const server = net.createServer((socket) => {
  socket.end('abc');
});
server.listen(0, () => {
  const client = net.connect(server.address().port);
  client.pause();
  console.log('paused:', client.isPaused());
  client.on('data', (d) => console.log('data', String(d)));
  client.on('end', () => {
    console.log('end');
    server.close();
  });
  client.once('connect', () => {
    setTimeout(() => {
      console.log('resuming');
      client.resume();
      console.log('resume is not synchronous');
    }, 50);
  });
});
