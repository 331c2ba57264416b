// An interval's next run is queued when its current run ends: a timeout due at the same time,
// created earlier, runs first.
let n = 0;
const id = setInterval(() => {
  n++;
  console.log('interval', n);
  if (n === 3) clearInterval(id);
}, 10);
setTimeout(() => console.log('timeout 20'), 20);
setTimeout(() => console.log('timeout 30'), 30);
