// Messages and zero-delay timers, each queued as its handler runs, alternate in queueing order.
const { port1, port2 } = new MessageChannel();
let n = 0;
port1.onmessage = () => {
  n++;
  console.log('message', n);
  if (n < 3) {
    setTimeout(() => console.log('timer from message', n), 0);
    port2.postMessage(n);
  }
};
setTimeout(() => console.log('first timer'), 0);
port2.postMessage(0);
