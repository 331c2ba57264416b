// The order of one socket's events when the other side ends: 'end', then our end()'s 'finish',
// then 'close' (from the close-callbacks phase). Each side logs into its own list.
const net = require('net');

const serverLog = [];
const clientLog = [];
let closed = 0;
function done() {
  if (++closed < 2) return;
  console.log('server socket:', serverLog.join(' -> '));
  console.log('client socket:', clientLog.join(' -> '));
  server.close();
}

const server = net.createServer((socket) => {
  socket.resume();
  socket.on('end', () => serverLog.push('end'));
  socket.on('finish', () => serverLog.push('finish'));
  socket.on('close', (hadError) => { serverLog.push(`close(${hadError})`); done(); });
});

server.listen(0, () => {
  const client = net.connect(server.address().port);
  client.on('connect', () => { clientLog.push('connect'); client.end(); });
  client.on('ready', () => clientLog.push('ready'));
  client.on('finish', () => clientLog.push('finish'));
  client.on('end', () => clientLog.push('end'));
  client.on('close', (hadError) => { clientLog.push(`close(${hadError})`); done(); });
});
