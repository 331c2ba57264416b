// Between the immediates of one check phase, processImmediate drains the queues in runNextTicks;
// after the last one (or when the ones after it were cleared), the callback scope does.
const where = (tag) => tag + '\n' + new Error(tag).stack.split('\n').slice(2).join('\n');
const lines = [];
setImmediate(() => { Promise.resolve().then(() => lines.push(where('first'))); });
setImmediate(() => { queueMicrotask(() => lines.push(where('queueMicrotask, second'))); });
setImmediate(() => {
  process.nextTick(() => lines.push(where('a tick, third')));
  Promise.resolve().then(() => lines.push(where('a job after a tick, third')));
  clearImmediate(cleared);
});
setImmediate(() => { Promise.resolve().then(() => lines.push(where('fourth, the last to run'))); });
const cleared = setImmediate(() => lines.push('never'));
setImmediate(() => {
  setImmediate(() => console.log(lines.join('\n')));
});
