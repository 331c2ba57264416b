// The browser's rendering steps: animation-frame callbacks run before the paint, each followed
// by its microtasks; a frame requested inside a frame callback waits for the next frame; a user
// click is a task like a timer.
//   mini-node demo event-loop --browser --example browser-frames
setTimeout(() => console.log('timeout 0'), 0);
requestAnimationFrame(() => {
  console.log('frame 1: rAF A');
  Promise.resolve().then(() => console.log('frame 1: promise from A'));
  requestAnimationFrame(() => console.log('frame 2: rAF C, requested inside A'));
});
requestAnimationFrame(() => console.log('frame 1: rAF B'));
__click(() => {
  console.log('click at 20 ms');
  Promise.resolve().then(() => console.log('promise from the click'));
}, 20);
setTimeout(() => console.log('timeout 20, queued after the click'), 20);
