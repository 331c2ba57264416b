// MessageChannel: two entangled ports; receiveMessageOnPort takes a queued message at once;
// closing one port closes both.
const { MessageChannel, receiveMessageOnPort } = require('worker_threads');

const { port1, port2 } = new MessageChannel();
port2.postMessage({ first: true });
console.log('sync:', receiveMessageOnPort(port1), receiveMessageOnPort(port1));
port1.on('message', (m) => {
  console.log('port1 got', m);
  port1.close();
});
port1.on('close', () => console.log('port1 close'));
port2.on('close', () => console.log('port2 close'));
port2.postMessage({ second: [1, 2] });
setTimeout(() => console.log('timer'), 20);
