// A client that goes away before the response: 'close' on the request and the response,
// and the server stays up for the next request.
const http = require('http');
const net = require('net');

let first = true;
const server = http.createServer((req, res) => {
  if (first) {
    first = false;
    res.on('close', () => {
      console.log('res close, writableEnded =', res.writableEnded);
      http.get({ port: server.address().port, path: '/second' }, (r) => {
        r.resume();
        r.on('end', () => { console.log('second answered', r.statusCode); server.close(); });
      });
    });
    req.on('close', () => console.log('req close'));
    res.write('started');
    return;
  }
  res.end('fine');
});

server.listen(0, () => {
  const socket = net.connect(server.address().port, () => {
    socket.write('GET /first HTTP/1.1\r\nHost: x\r\n\r\n');
  });
  socket.once('data', () => socket.destroy());
});
