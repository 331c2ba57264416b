// fork: a child's 'message' listener keeps its channel referenced (it would wait for messages);
// process.channel.unref() lets it end anyway. The parent's side of the channel stays referenced
// until the child is gone.
const { fork } = require('child_process');
const path = require('path');
const child = fork(path.join(__dirname, 'children', 'unrefs.js'));
child.on('disconnect', () => console.log('parent: disconnect'));
child.on('exit', (code, signal) => console.log('parent: exit', code, signal));
child.on('close', () => console.log('parent: close'));
