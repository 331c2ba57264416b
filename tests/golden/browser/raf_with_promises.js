// After each rAF callback the microtask queue is drained, before the next rAF callback.
requestAnimationFrame(() => {
  console.log('raf 1');
  Promise.resolve().then(() => console.log('promise from raf 1'));
  queueMicrotask(() => console.log('microtask from raf 1'));
});
requestAnimationFrame(() => {
  console.log('raf 2');
  Promise.resolve().then(() => console.log('promise from raf 2'));
});
