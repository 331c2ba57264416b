// The script's microtasks run first, then tasks in the order they were queued.
const { port1, port2 } = new MessageChannel();
port1.onmessage = (e) => console.log('message', e.data);
queueMicrotask(() => {
  console.log('microtask');
  port2.postMessage('from microtask');
  setTimeout(() => console.log('timer from microtask'), 0);
});
port2.postMessage('from script');
setTimeout(() => console.log('timer from script'), 0);
