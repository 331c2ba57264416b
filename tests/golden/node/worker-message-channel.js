// MessageChannel: two entangled ports; receiveMessageOnPort takes a queued message at once;
// closing one port closes both ('close' on each, in the close-callbacks phase).
const { MessageChannel, receiveMessageOnPort } = require('worker_threads');

const { port1, port2 } = new MessageChannel();
port2.postMessage({ first: true });
console.log('sync:', receiveMessageOnPort(port1), receiveMessageOnPort(port1));
port1.on('message', (m) => {
  console.log('port1 got', m);
  port1.close();
});
// a 'message' listener keeps port2 (and so the program) alive until it is closed
port2.on('message', () => {});
port1.on('close', () => console.log('port1 close'));
port2.on('close', () => console.log('port2 close'));
port2.postMessage({ second: [1, 2] });
