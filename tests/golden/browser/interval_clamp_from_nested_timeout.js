// An interval started from a deeply nested timeout inherits its nesting level: clamped at once.
const start = performance.now();
let depth = 0;
function dive() {
  depth++;
  if (depth < 6) {
    setTimeout(dive, 0);
    return;
  }
  console.log('depth', depth, 'at', Math.round(performance.now() - start));
  let ticks = 0;
  const id = setInterval(() => {
    ticks++;
    console.log('interval tick', ticks, 'at', Math.round(performance.now() - start));
    if (ticks === 3) clearInterval(id);
  }, 0);
}
setTimeout(dive, 0);
