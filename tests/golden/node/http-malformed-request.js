// A malformed request gets node's 400 and the connection closes; the server keeps serving.
const http = require('http');
const net = require('net');

const server = http.createServer((req, res) => res.end('ok'));

server.listen(0, () => {
  const port = server.address().port;
  const socket = net.connect(port, () => socket.write('NOT HTTP AT ALL\r\n\r\n'));
  let reply = '';
  socket.on('data', (d) => { reply += d; });
  socket.on('end', () => {
    console.log('status line:', reply.split('\r\n')[0]);
    console.log('says close:', /\r\nConnection: close\r\n/i.test(reply));
    http.get({ port }, (res) => {
      console.log('next request:', res.statusCode);
      res.resume();
      res.on('end', () => server.close());
    });
  });
});
