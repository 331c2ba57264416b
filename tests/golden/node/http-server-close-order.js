// server.close(): the idle keep-alive connection is closed; 'close' comes on a tick once the
// connection is gone; the socket's 'close' in the close-callbacks phase, after immediates.
const http = require('http');

const server = http.createServer((req, res) => res.end('ok'));
server.on('connection', (socket) => {
  socket.on('close', () => console.log('connection closed'));
});

server.listen(0, () => {
  http.get({ port: server.address().port }, (res) => {
    res.resume();
    res.on('end', () => {
      setImmediate(() => {
        console.log('closing the server');
        server.close(() => console.log('server close callback'));
        process.nextTick(() => console.log('tick after close'));
        setImmediate(() => console.log('immediate after close'));
      });
    });
  });
});
