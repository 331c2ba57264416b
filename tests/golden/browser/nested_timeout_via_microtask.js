// setTimeout(0) chained through a microtask: the timer is created during the microtask
// checkpoint of a timer task, so it still counts as nested and the clamp applies.
const start = performance.now();
let level = 0;
function tick() {
  level++;
  console.log('level', level, 'at', Math.round(performance.now() - start));
  if (level < 8) Promise.resolve().then(() => setTimeout(tick, 0));
}
setTimeout(tick, 0);
