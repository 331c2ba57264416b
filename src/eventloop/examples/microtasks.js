// nextTick before promises, promises before any phase: both drained after every callback.
console.log('script start');
setTimeout(() => {
  console.log('setTimeout');
  Promise.resolve().then(() => console.log('promise inside setTimeout'));
  process.nextTick(() => console.log('nextTick inside setTimeout'));
  setImmediate(() => console.log('setImmediate (check phase, after the timer)'));
}, 0);
Promise.resolve().then(() => console.log('promise.then'));
queueMicrotask(() => console.log('queueMicrotask'));
process.nextTick(() => console.log('process.nextTick'));
console.log('script end');
