// listen(port) binds at once and emits 'listening' on a tick: the callback (a listener added
// first) and then the event listener, after the ticks queued before it.
const net = require('net');

const server = net.createServer();
process.nextTick(() => console.log('tick before listen'));
server.listen(0, () => console.log('listen callback'));
server.on('listening', () => console.log('listening event'));
process.nextTick(() => console.log('tick after listen'));
Promise.resolve().then(() => console.log('promise'));
setImmediate(() => {
  console.log('immediate');
  server.close();
});
console.log('sync end, listening =', server.listening);
