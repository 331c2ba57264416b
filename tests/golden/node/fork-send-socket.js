// fork: a connection accepted by the parent is sent to the child (send(message, socket)), which
// answers on it; the descriptor travels beside the message, and the child acknowledges it.
const { fork } = require('child_process');
const net = require('net');
const path = require('path');
const child = fork(path.join(__dirname, 'children', 'takes-handles.js'));
const server = net.createServer((socket) => {
  console.log('parent: a connection; send it to the child');
  child.send('socket', socket);
});
server.listen(0, '127.0.0.1', () => {
  const client = net.connect(server.address().port, '127.0.0.1');
  let got = '';
  client.on('data', (d) => { got += d; });
  client.on('end', () => {
    console.log('client read:', JSON.stringify(got));
    server.close(() => console.log('parent: server closed'));
    child.disconnect();
  });
});
child.on('exit', (code) => console.log('child exit', code));
