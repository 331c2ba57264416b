// setInterval repeats until clearInterval; here it is cleared inside its own callback.
let count = 0;
const start = performance.now();
const id = setInterval(() => {
  count++;
  console.log('tick', count, 'at', Math.round(performance.now() - start));
  if (count === 4) {
    clearInterval(id);
    console.log('cleared');
  }
}, 25);
