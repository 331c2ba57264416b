// A TCP echo server and a client that sends one line, reads the echo and ends.
const net = require('net');

const server = net.createServer((socket) => {
  socket.on('data', (data) => socket.write(`echo: ${data}`));
  socket.on('end', () => {
    console.log('server: client ended');
    socket.end();
  });
});

server.listen(0, '127.0.0.1', () => {
  const client = net.connect(server.address().port, '127.0.0.1', () => {
    console.log('client: connected');
    client.write('hello');
  });
  client.on('data', (data) => {
    console.log('client got:', data.toString());
    client.end();
  });
  client.on('close', (hadError) => {
    console.log('client: closed', hadError);
    server.close(() => console.log('server: closed'));
  });
});
