// Nested setTimeout(0): from the 5th nesting level on, the delay is clamped to at least 4 ms.
const start = performance.now();
let level = 0;
function tick() {
  level++;
  console.log('level', level, 'at', Math.round(performance.now() - start), 'ms');
  if (level < 9) setTimeout(tick, 0);
}
setTimeout(tick, 0);
