// fork: the parent disconnects; the child (which would never exit) sees 'disconnect' and ends.
// As in node, the parent's 'close' never comes when the parent itself closed the channel.
const { fork } = require('child_process');
const path = require('path');
const child = fork(path.join(__dirname, 'children', 'stay.js'));
const seen = [];
child.on('message', (m) => {
  console.log('parent got', m);
  child.disconnect();
  seen.push(`after disconnect(): connected = ${child.connected}`);
});
child.on('disconnect', () => seen.push('disconnect'));
child.on('exit', (code, signal) => console.log('parent: exit', code, signal, seen));
child.on('close', () => console.log('parent: close'));
child.send('hello');
