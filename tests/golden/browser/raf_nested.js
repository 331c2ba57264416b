// A rAF requested inside a rAF callback waits for the next frame.
let frame = 0;
requestAnimationFrame(() => {
  frame++;
  console.log('outer A, frame', frame);
  requestAnimationFrame(() => console.log('inner from A, frame', frame));
});
requestAnimationFrame(() => {
  console.log('outer B, frame', frame);
  requestAnimationFrame(() => {
    frame++;
    console.log('inner from B, frame', frame);
  });
});
