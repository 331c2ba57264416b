// An interval and a one-shot timer with very different periods: the interval fires at 400 and
// 800 ms, the timer at 1000 ms stops it.
let n = 0;
const id = setInterval(() => {
  n += 1;
  console.log('interval', n);
}, 400);
setTimeout(() => {
  clearInterval(id);
  console.log('stopped after', n, 'ticks');
}, 1000);
