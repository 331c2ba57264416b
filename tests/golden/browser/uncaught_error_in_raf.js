// An error in a rAF callback does not stop the other callbacks of the frame.
requestAnimationFrame(() => {
  console.log('raf 1');
  throw new Error('raf failed');
});
requestAnimationFrame(() => console.log('raf 2'));
