// cluster (round-robin): a worker's server.address() is the primary's socket, as node reports
// it; the worker's 'listening' message, which comes after its own listen callback, carries the
// same port.
const cluster = require('cluster');
const net = require('net');
if (cluster.isPrimary) {
  const w = cluster.fork();
  let seen;
  w.on('message', (m) => { seen = m; });
  cluster.on('listening', (worker, address) => {
    console.log('worker sees', seen.keys, seen.address, seen.family, seen.port === address.port);
    console.log('primary hears', address.address, address.addressType, typeof address.port);
    w.disconnect();
  });
} else {
  const server = net.createServer();
  server.listen(0, '127.0.0.1', () => {
    const a = server.address();
    process.send({ keys: Object.keys(a), address: a.address, family: a.family, port: a.port });
  });
}
