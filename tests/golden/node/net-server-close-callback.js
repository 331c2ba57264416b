// server.close(cb): cb runs once the last connection is gone; on a server that is not
// listening, cb gets ERR_SERVER_NOT_RUNNING.
const net = require('net');

const server = net.createServer((socket) => {
  console.log('connection');
  server.close((err) => {
    console.log('close callback, err =', err);
    server.close((err2) => console.log('second close:', err2.code, err2.message));
  });
  console.log('closed the listener; connections:', server.listening);
  socket.on('end', () => {
    console.log('socket end');
    socket.end();
  });
  socket.resume();
});
server.on('close', () => console.log('close event'));
server.listen(0, () => {
  const client = net.connect(server.address().port, () => client.end());
});
