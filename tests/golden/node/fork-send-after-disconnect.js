// fork: send after disconnect fails with ERR_IPC_CHANNEL_CLOSED, on the next tick (to the
// callback if there is one, else as an 'error' event); a second disconnect is ERR_IPC_DISCONNECTED.
const { fork } = require('child_process');
const path = require('path');
const child = fork(path.join(__dirname, 'children', 'stay.js'), { stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
child.on('error', (e) => console.log('error event:', e.name, e.code, e.message));
child.on('message', () => {
  child.disconnect();
  const r = child.send('too late', (err) => console.log('callback:', err.code, err.message));
  console.log('send returned', r);
  console.log('second send returned', child.send('again'));
  child.disconnect();
  console.log('sync part done');
});
child.on('exit', (code) => console.log('exit', code));
child.send('hi');
