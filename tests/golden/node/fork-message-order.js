// fork: messages arrive in the order they were sent, in both directions, whatever their type.
const { fork } = require('child_process');
const path = require('path');
const child = fork(path.join(__dirname, 'children', 'echo.js'));
for (const m of [1, 'two', { three: 3 }, [4], null, true, 1.5e300, 'bye']) child.send(m);
child.on('message', (m) => console.log('reply', JSON.stringify(m)));
child.on('disconnect', () => console.log('disconnect'));
child.on('exit', (code) => console.log('exit', code));
