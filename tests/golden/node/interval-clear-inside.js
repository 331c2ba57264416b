// setInterval rescheduled after each run; clearInterval inside its own callback stops it.
let count = 0;
const id = setInterval(() => {
  count += 1;
  console.log('tick', count);
  if (count === 4) {
    clearInterval(id);
    console.log('cleared');
  }
}, 1);
