// headersSent and writableEnded around write/end, and the error of setHeader too late.
const http = require('http');

const server = http.createServer((req, res) => {
  console.log('start: headersSent', res.headersSent, 'writableEnded', res.writableEnded, 'finished', res.finished);
  res.write('part');
  console.log('after write: headersSent', res.headersSent, 'writableEnded', res.writableEnded);
  try {
    res.setHeader('X-Late', '1');
  } catch (e) {
    console.log('setHeader:', e.code, e.message);
  }
  res.end('!', () => console.log('end callback: writableFinished', res.writableFinished));
  console.log('after end: headersSent', res.headersSent, 'writableEnded', res.writableEnded, 'finished', res.finished, 'writableFinished', res.writableFinished);
});

server.listen(0, () => {
  http.get({ port: server.address().port }, (res) => {
    res.resume();
    res.on('end', () => server.close());
  });
});
