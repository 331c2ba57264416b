// fork: a listening server is sent to the child, the parent closes its own copy, and the child
// goes on accepting on the same socket.
const { fork } = require('child_process');
const net = require('net');
const path = require('path');
const child = fork(path.join(__dirname, 'children', 'takes-handles.js'));
const server = net.createServer();
server.listen(0, '127.0.0.1', () => {
  const port = server.address().port;
  child.send('server', server, (err) => {
    console.log('sent, error:', err);
    server.close(() => console.log('parent: its copy closed'));
  });
  child.on('message', (m) => {
    console.log('child says', m);
    const client = net.connect(port, '127.0.0.1');
    let got = '';
    client.on('data', (d) => { got += d; });
    client.on('end', () => {
      console.log('client read:', JSON.stringify(got));
      child.disconnect();
    });
  });
});
child.on('exit', (code) => console.log('child exit', code));
