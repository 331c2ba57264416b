// EADDRINUSE with no 'error' listener: node's uncaught report, exit code 1.
const net = require('net');

const first = net.createServer();
first.listen(0, () => {
  const second = net.createServer();
  second.listen(first.address().port);
  process.on('exit', (code) => console.log('exit code', code));
});
