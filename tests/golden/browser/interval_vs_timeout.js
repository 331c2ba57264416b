// An interval and timeouts interleave by due time.
let ticks = 0;
const id = setInterval(() => {
  ticks++;
  console.log('interval', ticks);
  if (ticks === 3) clearInterval(id);
}, 10);
setTimeout(() => console.log('timeout 15'), 15);
setTimeout(() => console.log('timeout 25'), 25);
setTimeout(() => console.log('timeout 40'), 40);
