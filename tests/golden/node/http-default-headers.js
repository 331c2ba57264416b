// The headers node adds to res.end(body): Date, Connection: keep-alive, Keep-Alive: timeout=5,
// Content-Length, in that order (the date's value left out).
const http = require('http');

const server = http.createServer((req, res) => {
  res.setHeader('X-Powered-By', 'mini');
  res.end('12345');
});

server.listen(0, () => {
  http.get({ port: server.address().port }, (res) => {
    console.log(res.statusCode, res.statusMessage, 'HTTP/' + res.httpVersion);
    for (const [name, value] of Object.entries(res.headers)) {
      console.log(name, '=', name === 'date' ? typeof value : value);
    }
    console.log('date parses:', !Number.isNaN(Date.parse(res.headers.date)));
    res.resume();
    res.on('end', () => server.close());
  });
});
