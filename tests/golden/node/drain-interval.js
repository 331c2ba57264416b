// Drains between interval ticks too.
let n = 0;
const id = setInterval(() => {
  n += 1;
  console.log('interval', n);
  Promise.resolve().then(() => console.log('promise', n));
  if (n === 3) clearInterval(id);
}, 5);
