// The server-side order: prefinish (in end), finish and the end callback (next tick), then the
// response's 'close', the request's 'end' and 'close'.
const http = require('http');

const server = http.createServer((req, res) => {
  console.log('request: complete =', req.complete);
  req.on('end', () => console.log('req end, complete =', req.complete));
  req.on('close', () => console.log('req close'));
  res.on('prefinish', () => console.log('res prefinish'));
  res.on('finish', () => console.log('res finish'));
  res.on('close', () => console.log('res close'));
  res.end('ok', () => console.log('end callback'));
  console.log('after end');
});

server.listen(0, '127.0.0.1', () => {
  http.get({ port: server.address().port, host: '127.0.0.1', agent: false }, (res) => {
    res.resume();
    res.on('end', () => server.close());
  });
});
