// http.get to a port where nothing listens: the request's 'error' is ECONNREFUSED, then 'close'.
const http = require('http');

const probe = http.createServer();
probe.listen(0, '127.0.0.1', () => {
  const { port } = probe.address();
  probe.close(() => {
    const req = http.get({ port, host: '127.0.0.1' }, () => console.log('response?!'));
    req.on('error', (err) => console.log('error:', err.code, err.syscall, err.address, err.port === port));
    req.on('close', () => console.log('close'));
  });
});
