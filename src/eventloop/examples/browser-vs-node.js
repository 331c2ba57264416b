// The notes' question: how does the browser's event loop differ from Node's? Run it under both:
//   mini-node demo event-loop --compare --example browser-vs-node
// Microtasks run after every task in both; Node adds nextTick (before promises) and
// setImmediate; a browser adds animation frames (before the paint) and user events.
console.log('script start');
setTimeout(() => {
  console.log('timeout 1');
  Promise.resolve().then(() => console.log('promise inside timeout 1'));
}, 0);
setTimeout(() => console.log('timeout 2'), 0);
Promise.resolve().then(() => console.log('promise 1'));
queueMicrotask(() => console.log('microtask 2'));
if (typeof requestAnimationFrame === 'function') {
  requestAnimationFrame(() => {
    console.log('animation frame (browser only, before the paint)');
    Promise.resolve().then(() => console.log('promise inside the frame'));
    requestAnimationFrame(() => console.log('next animation frame'));
  });
}
if (typeof __click === 'function') {
  __click(() => console.log('a click at 20 ms (simulated user event)'), 20);
}
if (typeof setImmediate === 'function') {
  setImmediate(() => console.log('setImmediate (Node only)'));
}
if (typeof process === 'object') {
  process.nextTick(() => console.log('nextTick (Node only, before promises)'));
}
console.log('script end');
