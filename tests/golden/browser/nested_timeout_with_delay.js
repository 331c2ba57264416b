// The clamp only raises delays below 4 ms; longer nested delays are kept.
const start = performance.now();
let level = 0;
function tick() {
  level++;
  console.log('level', level, 'at', Math.round(performance.now() - start));
  if (level < 9) setTimeout(tick, level % 2 ? 1 : 10);
}
tick();
