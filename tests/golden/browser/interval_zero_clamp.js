// setInterval(f, 0) repeats at once at first; each repetition nests deeper, so the clamp to
// 4 ms applies to it too.
const start = performance.now();
let n = 0;
const id = setInterval(() => {
  n++;
  console.log('tick', n, 'at', Math.round(performance.now() - start));
  if (n === 9) clearInterval(id);
}, 0);
