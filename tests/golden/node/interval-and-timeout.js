// An interval and a one-shot timer with very different periods.
let n = 0;
const id = setInterval(() => {
  n += 1;
  console.log('interval', n);
}, 300);
setTimeout(() => {
  clearInterval(id);
  console.log('stopped after', n, 'ticks');
}, 1050);
