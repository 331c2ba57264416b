// Zero-delay timers and posted messages, interleaved: tasks run in the order they were queued.
const { port1, port2 } = new MessageChannel();
port1.onmessage = (e) => console.log('message', e.data);
setTimeout(() => console.log('timeout A'), 0);
port2.postMessage('one');
setTimeout(() => console.log('timeout B'), 0);
port2.postMessage('two');
