// Two messages wait on one port; the first one's handler sets a zero-delay timer.
const { port1, port2 } = new MessageChannel();
port1.onmessage = (e) => {
  console.log('message', e.data);
  if (e.data === 1) setTimeout(() => console.log('timer from message 1'), 0);
};
port2.postMessage(1);
port2.postMessage(2);
