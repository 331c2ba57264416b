// fork: messages that reach a child before it listens wait for its first 'message' listener.
const { fork } = require('child_process');
const path = require('path');
const child = fork(path.join(__dirname, 'children', 'late-listener.js'));
child.send('one');
child.send('two');
child.send('three');
let n = 0;
child.on('message', (m) => {
  console.log(m);
  if (++n === 3) child.disconnect();
});
child.on('exit', (code) => console.log('exit', code));
