// fork: arguments, env and cwd reach the child; NODE_CHANNEL_FD is taken out of its process.env.
const { fork } = require('child_process');
const path = require('path');
const child = fork(path.join(__dirname, 'children', 'info.js'), ['one', 'two words'], {
  env: { ...process.env, FAVOURITE_COLOR: 'green' },
  cwd: path.join(__dirname, 'children'),
});
child.on('message', (m) => console.log(m));
child.on('exit', (code) => console.log('exit', code));
