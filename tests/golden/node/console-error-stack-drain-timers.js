// Between timers that expire in the same timers phase, node drains the queues in runNextTicks,
// called by listOnTimeout (the next timer of the same list) or by processTimers (the next list);
// after the phase's last timer, the callback scope's close does it (no frame).
const where = (tag) => tag + '\n' + new Error(tag).stack.split('\n').slice(2).join('\n');
const lines = [];
setTimeout(() => { Promise.resolve().then(() => lines.push(where('1 ms, first'))); }, 1);
setTimeout(() => {
  Promise.resolve().then(() => lines.push(where('1 ms, second')));
  process.nextTick(() => lines.push(where('a tick of 1 ms, second')));
}, 1);
setTimeout(() => { Promise.resolve().then(() => lines.push(where('2 ms'))); }, 2);
setTimeout(() => { Promise.resolve().then(() => lines.push(where('3 ms, last'))); }, 3);
setTimeout(() => { Promise.resolve().then(() => lines.push(where('1 ms, third'))); }, 1);
setTimeout(() => {
  console.log('a write');
  Promise.resolve().then(() => lines.push(where('after a write, 4 ms')));
}, 4);
setTimeout(() => { Promise.resolve().then(() => lines.push(where('4 ms, last'))); }, 4);
setTimeout(() => console.log(lines.join('\n')), 50);
const start = Date.now();
while (Date.now() - start < 10);
