// The client side: 'socket' on a tick, then 'response'; after the body's 'end', the request's
// 'close' and then the response's 'close'.
const http = require('http');

const server = http.createServer((req, res) => res.end('body'));

server.listen(0, () => {
  const events = [];
  const req = http.get({ port: server.address().port }, (res) => {
    events.push(`response ${res.statusCode}`);
    res.on('data', (d) => events.push(`data ${d}`));
    res.on('end', () => events.push('res end'));
    res.on('close', () => {
      events.push('res close');
      console.log(events.join('\n'));
      server.close();
    });
  });
  req.on('socket', () => events.push('socket'));
  req.on('close', () => events.push('req close'));
  events.push(`sync: headersSent=${req.headersSent} method=${req.method} path=${req.path}`);
});
