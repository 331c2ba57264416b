// A nextTick that queues nextTicks: all run before any promise.
let n = 0;
function tick() {
  n += 1;
  console.log('tick', n);
  if (n < 5) process.nextTick(tick);
}
process.nextTick(tick);
Promise.resolve().then(() => console.log('promise after', n, 'ticks'));
