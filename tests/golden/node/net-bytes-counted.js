// bytesRead and bytesWritten on both ends, and the address shapes each end sees.
const net = require('net');

const report = {};
let closed = 0;
function done() {
  if (++closed < 2) return;
  for (const k of Object.keys(report).sort()) console.log(k, report[k]);
  server.close();
}

const server = net.createServer((socket) => {
  report['server sees remote family'] = socket.remoteFamily;
  report['server local address'] = socket.localAddress;
  let got = '';
  socket.on('data', (d) => { got += d; });
  socket.on('end', () => {
    report['server got'] = got;
    report['server bytesRead'] = socket.bytesRead;
    socket.end('thanks', () => { report['server bytesWritten'] = socket.bytesWritten; });
  });
  socket.on('close', done);
});
server.listen(0, '127.0.0.1', () => {
  const client = net.connect({ port: server.address().port, host: '127.0.0.1' });
  client.on('connect', () => {
    report['client remote'] = `${client.remoteAddress} ${client.remoteFamily} ${client.remotePort === server.address().port}`;
    client.write('héllo');
    client.end('!');
    report['client bytesWritten'] = client.bytesWritten;
  });
  client.setEncoding('utf8');
  let got = '';
  client.on('data', (d) => { got += d; });
  client.on('close', () => {
    report['client got'] = got;
    report['client bytesRead'] = client.bytesRead;
    done();
  });
});
