// server.address() for each way of listening (ports left out: they are ephemeral).
const net = require('net');

function shape(server) {
  const a = server.address();
  return JSON.stringify({ address: a.address, family: a.family, port: typeof a.port });
}

const everyInterface = net.createServer();
console.log('before listen:', everyInterface.address());
everyInterface.listen(0, () => {
  console.log('listen(0):', shape(everyInterface));
  const loopback = net.createServer().listen(0, '127.0.0.1', () => {
    console.log("listen(0, '127.0.0.1'):", shape(loopback));
    const opts = net.createServer().listen({ port: 0, host: 'localhost' }, function () {
      console.log("listen({ port: 0, host: 'localhost' }):", shape(this));
      const any4 = net.createServer().listen(0, '0.0.0.0', () => {
        console.log("listen(0, '0.0.0.0'):", shape(any4));
        for (const s of [everyInterface, loopback, opts, any4]) s.close();
        console.log('after close:', everyInterface.address());
      });
    });
  });
});
