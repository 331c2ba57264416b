// node's processTicksAndRejections calls a tick on a line of its own for each number of extra
// arguments (none, one to four, more), and the tick's stack frame names that line.
const where = (...args) => console.log(args.length, new Error('x').stack.split('\n')[2]);
process.nextTick(where);
process.nextTick(where, 1);
process.nextTick(where, 1, 2);
process.nextTick(where, 1, 2, 3);
process.nextTick(where, 1, 2, 3, 4);
process.nextTick(where, 1, 2, 3, 4, 5);
setImmediate(() => {
  process.nextTick(where, 'in an immediate');
  setImmediate(() => {});
});
setImmediate(() => {});
