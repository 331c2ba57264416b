// writeHead(status), writeHead(status, headers), writeHead(status, message, headers) and the
// array form; headers given to writeHead are sent at once, so the body goes chunked.
const http = require('http');

const server = http.createServer((req, res) => {
  switch (req.url) {
    case '/a': res.writeHead(201); break;
    case '/b': res.writeHead(202, { 'X-Kind': 'object' }); break;
    case '/c': res.writeHead(203, 'Custom Words', { 'X-Kind': 'message' }); break;
    default: res.setHeader('X-Early', 'yes'); res.writeHead(200, ['X-Kind', 'array']);
  }
  res.end(`body of ${req.url}`);
});

server.listen(0, () => {
  const port = server.address().port;
  const paths = ['/a', '/b', '/c', '/d'];
  const next = () => {
    const path = paths.shift();
    if (!path) { server.close(); return; }
    http.get({ port, path }, (res) => {
      let body = '';
      res.on('data', (d) => { body += d; });
      res.on('end', () => {
        const h = res.headers;
        console.log(path, res.statusCode, JSON.stringify(res.statusMessage), h['x-kind'], h['x-early'],
          h['content-length'], h['transfer-encoding'], body);
        next();
      });
    });
  };
  next();
});
