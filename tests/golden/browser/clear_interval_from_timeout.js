// clearInterval from another task stops the repetition.
let n = 0;
const id = setInterval(() => console.log('interval', ++n), 10);
setTimeout(() => {
  clearInterval(id);
  console.log('stopped after', n);
}, 35);
