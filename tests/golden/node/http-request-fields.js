// What a handler sees: url with its query, method, httpVersion, lowercased headers (a
// repeated header joined), and a request body read with async iteration.
const http = require('http');

const server = http.createServer(async (req, res) => {
  console.log(req.method, req.url, req.httpVersion);
  console.log('x-multi:', req.headers['x-multi']);
  console.log('content-type:', req.headers['content-type']);
  console.log('x-custom:', req.headers['x-custom']);
  let body = '';
  for await (const chunk of req) body += chunk;
  console.log('body:', body);
  res.end();
});

server.listen(0, () => {
  const req = http.request({
    port: server.address().port,
    method: 'PUT',
    path: '/items/7?color=red&size=2',
    headers: { 'Content-Type': 'text/plain', 'X-Custom': 'yes' },
  }, (res) => {
    console.log('status', res.statusCode, 'content-length', res.headers['content-length']);
    res.resume();
    res.on('end', () => server.close());
  });
  req.setHeader('X-Multi', ['a', 'b']);
  req.write('part one, ');
  req.end('part two');
});
