// Timers created by a message handler are not nested timers: no clamp.
const start = performance.now();
const { port1, port2 } = new MessageChannel();
let hops = 0;
port1.onmessage = () => {
  hops++;
  setTimeout(() => {
    console.log('timer from message', hops, 'at', Math.round(performance.now() - start));
    if (hops < 8) port2.postMessage('again');
  }, 0);
};
port2.postMessage('go');
