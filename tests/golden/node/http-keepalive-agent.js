// Two requests on one keep-alive agent: the second, made once the first's socket is free,
// reuses its connection (one 'connection' on the server).
const http = require('http');

let connections = 0;
const server = http.createServer((req, res) => res.end(`you asked for ${req.url}`));
server.on('connection', () => { connections++; });

server.listen(0, '127.0.0.1', () => {
  const agent = new http.Agent({ keepAlive: true });
  const port = server.address().port;
  const get = (path, next) => {
    const req = http.get({ port, host: '127.0.0.1', path, agent }, (res) => {
      let body = '';
      res.on('data', (d) => { body += d; });
      res.on('end', () => {
        console.log(path, res.statusCode, res.headers.connection, 'reused:', req.reusedSocket, body);
        setImmediate(next);
      });
    });
  };
  get('/one', () => get('/two', () => {
    console.log('connections:', connections);
    agent.destroy();
    server.close(() => console.log('closed'));
  }));
});
