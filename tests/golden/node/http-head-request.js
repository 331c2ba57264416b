// A HEAD request: the server's end(body) sends no body, and no Content-Length.
const http = require('http');

const server = http.createServer((req, res) => {
  console.log('method', req.method);
  res.end('this body is not sent');
});

server.listen(0, () => {
  const req = http.request({ port: server.address().port, method: 'HEAD' }, (res) => {
    console.log('status', res.statusCode, 'content-length', res.headers['content-length']);
    let bytes = 0;
    res.on('data', (d) => { bytes += d.length; });
    res.on('end', () => {
      console.log('body bytes', bytes);
      server.close();
    });
  });
  req.end();
});
