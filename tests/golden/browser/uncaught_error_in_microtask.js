// An error thrown by queueMicrotask's callback is reported; the checkpoint goes on.
queueMicrotask(() => {
  console.log('micro 1');
  throw new RangeError('out of range');
});
queueMicrotask(() => console.log('micro 2'));
setTimeout(() => console.log('task'), 0);
