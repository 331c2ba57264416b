// A posted message and a zero-delay timer are both tasks; microtasks still come first.
const { port1, port2 } = new MessageChannel();
port1.onmessage = (e) => console.log('message', e.data);
setTimeout(() => console.log('timeout 10'), 10);
port2.postMessage('one');
Promise.resolve().then(() => console.log('microtask'));
port2.postMessage('two');
