// A rAF requested from a microtask of the script still makes the first frame.
queueMicrotask(() => {
  requestAnimationFrame(() => console.log('raf from microtask'));
});
requestAnimationFrame(() => console.log('raf from script'));
