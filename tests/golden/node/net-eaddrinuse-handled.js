// Listening on a port already taken: the 'error' event carries node's EADDRINUSE error,
// on a later tick, and the server is not listening.
const net = require('net');

const first = net.createServer();
first.listen(0, '127.0.0.1', () => {
  const port = first.address().port;
  const second = net.createServer();
  second.on('error', (err) => {
    console.log('error:', err.code, err.errno, err.syscall, err.address);
    console.log('message:', err.message.replace(String(port), 'PORT'));
    console.log('port matches:', err.port === port);
    console.log('second listening:', second.listening);
    first.close(() => console.log('first closed'));
  });
  second.listen(port, '127.0.0.1', () => console.log('never listening'));
  console.log('listen returned, listening =', second.listening);
  process.nextTick(() => console.log('tick after listen'));
});
