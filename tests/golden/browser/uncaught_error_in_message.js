// An error in a message handler is reported; the next message is still delivered.
const { port1, port2 } = new MessageChannel();
port1.onmessage = (e) => {
  console.log('message', e.data);
  if (e.data === 1) throw new Error('handler failed on ' + e.data);
};
port2.postMessage(1);
port2.postMessage(2);
