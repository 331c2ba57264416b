// A POST body arrives as 'data' chunks then 'end'; the server echoes it back upper-cased.
const http = require('http');

const server = http.createServer((req, res) => {
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', () => {
    const body = Buffer.concat(chunks).toString();
    console.log('server got', req.method, req.headers['content-type'], req.headers['content-length'], body);
    res.setHeader('Content-Type', 'text/plain');
    res.end(body.toUpperCase());
  });
});

server.listen(0, '127.0.0.1', () => {
  const payload = JSON.stringify({ greeting: 'hello', n: 42 });
  const req = http.request({
    port: server.address().port,
    host: '127.0.0.1',
    method: 'POST',
    path: '/echo',
    headers: { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(payload) },
  }, (res) => {
    res.setEncoding('utf8');
    let text = '';
    res.on('data', (d) => { text += d; });
    res.on('end', () => {
      console.log('client got', res.statusCode, res.headers['content-type'], text);
      server.close();
    });
  });
  req.end(payload);
});
