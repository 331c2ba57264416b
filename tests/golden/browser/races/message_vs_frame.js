// A posted message races the first animation frame: either can come first.
const { port1, port2 } = new MessageChannel();
port1.onmessage = () => console.log('message');
requestAnimationFrame(() => console.log('animation frame'));
port2.postMessage('go');
