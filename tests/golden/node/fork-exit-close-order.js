// fork: where 'message', 'disconnect', 'exit' and 'close' fall against nextTicks, promises and
// immediates. 'disconnect' is emitted on a nextTick after the channel's end is read; 'close'
// inside the same callback as 'exit', so before the nextTicks the 'exit' listener queued.
const { fork } = require('child_process');
const path = require('path');
const child = fork(path.join(__dirname, 'children', 'two-step.js'));
const log = (what) => {
  console.log(what);
  process.nextTick(() => console.log('  tick after', what));
  Promise.resolve().then(() => console.log('  promise after', what));
};
child.on('message', () => {
  log('message');
  setImmediate(() => {
    console.log('  immediate after message: ask the child to exit');
    child.send('exit now');
  });
});
child.on('disconnect', () => log('disconnect'));
child.on('exit', () => log('exit'));
child.on('close', () => log('close'));
child.send('go');
