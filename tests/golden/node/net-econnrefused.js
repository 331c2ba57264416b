// Connecting where nothing listens: 'error' with ECONNREFUSED on a later tick, then
// 'close' with hadError true.
const net = require('net');

const probe = net.createServer();
probe.listen(0, '127.0.0.1', () => {
  const { port } = probe.address();
  probe.close(() => {
    const socket = net.connect(port, '127.0.0.1');
    socket.on('connect', () => console.log('connected?!'));
    socket.on('error', (err) => {
      console.log('error:', err.code, err.syscall, err.address, err.errno);
      console.log('message names the port:', err.message === `connect ECONNREFUSED 127.0.0.1:${port}`);
      console.log('port matches:', err.port === port);
    });
    socket.on('close', (hadError) => console.log('close, hadError =', hadError));
    console.log('connecting:', socket.connecting);
  });
});
