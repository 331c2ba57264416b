// setInterval reschedules itself until clearInterval, here from inside its own callback.
let n = 0;
const t = setInterval(() => {
  n += 1;
  console.log(`tick ${n}`);
  if (n === 3) clearInterval(t);
}, 100);
setTimeout(() => console.log('250 ms timeout, between tick 2 and tick 3'), 250);
