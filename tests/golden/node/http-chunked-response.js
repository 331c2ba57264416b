// res.write() before end(): no Content-Length, Transfer-Encoding: chunked; the client reads
// the whole body.
const http = require('http');

const server = http.createServer((req, res) => {
  res.write('first,');
  res.write('second,');
  res.end('third');
});

server.listen(0, () => {
  http.get({ port: server.address().port }, (res) => {
    console.log('transfer-encoding:', res.headers['transfer-encoding']);
    console.log('content-length:', res.headers['content-length']);
    let body = '';
    res.on('data', (d) => { body += d; });
    res.on('end', () => {
      console.log('body:', body);
      server.close();
    });
  });
});
