// setHeader / getHeader / getHeaders / hasHeader / removeHeader, statusCode and statusMessage.
const http = require('http');

const server = http.createServer((req, res) => {
  res.statusCode = 418;
  res.statusMessage = 'Short And Stout';
  res.setHeader('Content-Type', 'text/plain');
  res.setHeader('X-Numbers', [1, 2]);
  res.setHeader('X-Gone', 'soon');
  console.log('has x-gone:', res.hasHeader('x-gone'), res.getHeader('X-GONE'));
  res.removeHeader('X-Gone');
  console.log('names:', res.getHeaderNames());
  console.log('headers:', res.getHeaders());
  res.end('tea');
});

server.listen(0, () => {
  http.get({ port: server.address().port }, (res) => {
    console.log('client:', res.statusCode, res.statusMessage);
    console.log('content-type:', res.headers['content-type']);
    console.log('x-numbers:', res.headers['x-numbers']);
    console.log('x-gone:', res.headers['x-gone']);
    res.resume();
    res.on('end', () => server.close());
  });
});
