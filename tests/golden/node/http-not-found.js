// A small router: known paths answer 200, anything else 404 with a JSON body.
const http = require('http');

const server = http.createServer((req, res) => {
  if (req.url === '/') {
    res.end('home');
    return;
  }
  res.writeHead(404, { 'Content-Type': 'application/json' });
  res.end(JSON.stringify({ error: 'not found', path: req.url }));
});

server.listen(0, () => {
  const port = server.address().port;
  const paths = ['/', '/missing?x=1'];
  const next = () => {
    const path = paths.shift();
    if (path === undefined) { server.close(); return; }
    http.get({ port, path }, (res) => {
      let body = '';
      res.on('data', (d) => { body += d; });
      res.on('end', () => {
        console.log(path, res.statusCode, res.statusMessage, res.headers['content-type'], body);
        next();
      });
    });
  };
  next();
});
