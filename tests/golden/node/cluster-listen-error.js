// cluster: a worker asks to listen on a port the primary itself holds: the primary's bind fails
// and the worker's server gets node's error.
const cluster = require('cluster');
const net = require('net');
const http = require('http');
if (cluster.isPrimary) {
  const holder = net.createServer().listen(0, '127.0.0.1', () => {
    const port = holder.address().port;
    const w = cluster.fork({ PORT: String(port) });
    w.on('message', (m) => {
      console.log('worker says', m.code, m.syscall, m.message.replace(String(port), 'PORT'));
      w.disconnect();
    });
    w.on('exit', () => holder.close(() => console.log('done')));
  });
} else {
  const server = http.createServer();
  server.on('error', (e) => process.send({ code: e.code, syscall: e.syscall, message: e.message }));
  server.listen(Number(process.env.PORT), '127.0.0.1');
}
