// clearInterval from another callback, and the interval's this/args.
let n = 0;
const id = setInterval((label) => {
  n += 1;
  console.log(label, n);
  if (n === 2) setTimeout(() => { clearInterval(id); console.log('cleared by timeout'); }, 0);
}, 20, 'every 20 ms:');
