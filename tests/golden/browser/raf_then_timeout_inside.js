// A timer set inside an animation-frame callback runs after that frame's other callbacks.
requestAnimationFrame(() => {
  console.log('raf A');
  setTimeout(() => console.log('timeout from raf A'), 0);
  Promise.resolve().then(() => console.log('promise from raf A'));
});
requestAnimationFrame(() => console.log('raf B'));
