// Child: listens for messages, but unreferences its channel: nothing keeps it alive.
process.on('message', () => console.log('never: the child is gone before anything comes'));
console.log('child: channel fd is a number:', typeof process.channel.fd === 'number', 'connected:', process.connected);
process.channel.unref();
