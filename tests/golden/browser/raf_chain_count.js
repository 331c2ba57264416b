// A rAF loop: one callback per frame, stopping after five frames.
let frames = 0;
function loop() {
  frames++;
  console.log('frame', frames);
  Promise.resolve().then(() => console.log('  microtask after frame', frames));
  if (frames < 5) requestAnimationFrame(loop);
}
requestAnimationFrame(loop);
