// MessageChannel: a message to port1 arrives as a task on port1's handler.
const channel = new MessageChannel();
channel.port1.onmessage = (event) => console.log('message:', event.data);
channel.port2.postMessage('hello');
Promise.resolve().then(() => console.log('microtask'));
console.log('sync');
