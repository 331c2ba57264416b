// An HTTP server's 'listening' and 'connection' events, address() and listening.
const http = require('http');

const server = http.createServer();
server.on('listening', () => {
  const a = server.address();
  console.log('listening', server.listening, a.family, typeof a.port);
});
server.on('connection', (socket) => console.log('connection', socket instanceof require('net').Socket));
server.on('request', (req, res) => {
  console.log('request', req.url);
  res.end();
});
server.on('close', () => console.log('close, listening =', server.listening));
server.listen(0, () => {
  http.get({ port: server.address().port, path: '/x', agent: false }, (res) => {
    res.resume();
    res.on('end', () => server.close());
  });
});
