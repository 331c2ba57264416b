// Writing after end(): the write callback and an 'error' event get ERR_STREAM_WRITE_AFTER_END.
const net = require('net');

const server = net.createServer((socket) => {
  socket.resume();
  socket.on('end', () => server.close());
});
server.listen(0, () => {
  const client = net.connect(server.address().port, () => {
    client.end('bye');
    const ok = client.write('more', (err) => console.log('write callback:', err.code));
    console.log('write returned', ok);
  });
  client.on('error', (err) => console.log('error event:', err.code, err.message));
  client.resume();
});
