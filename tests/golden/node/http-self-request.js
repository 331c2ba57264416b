// A server that requests itself with http.get, prints the answer and closes: the program ends.
const http = require('http');

const server = http.createServer((req, res) => {
  console.log('server got', req.method, req.url);
  res.end('hello from the server');
});

server.listen(0, () => {
  http.get(`http://localhost:${server.address().port}/greet`, (res) => {
    console.log('status', res.statusCode);
    let body = '';
    res.setEncoding('utf8');
    res.on('data', (chunk) => { body += chunk; });
    res.on('end', () => {
      console.log('body:', body);
      server.close(() => console.log('server closed'));
    });
  });
});
