// Each interval tick is a task: its microtasks run before the next tick.
let n = 0;
const id = setInterval(() => {
  n++;
  console.log('tick', n);
  Promise.resolve(n).then((v) => console.log('promise from tick', v));
  if (n === 3) clearInterval(id);
}, 5);
