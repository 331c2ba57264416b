// setEncoding('utf8') turns 'data' Buffers into strings, multi-byte characters included.
const net = require('net');

const server = net.createServer((socket) => {
  socket.end('héllo wörld ✓');
});

server.listen(0, () => {
  const client = net.connect(server.address().port);
  client.setEncoding('utf8');
  let text = '';
  client.on('data', (chunk) => {
    console.log('chunk is a', typeof chunk);
    text += chunk;
  });
  client.on('end', () => {
    console.log('received:', text, text.length);
    server.close();
  });
});
