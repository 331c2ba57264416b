// A 1 ms timer against a chain of immediates: how many immediates run before the timer is due?
setTimeout(() => console.log('timeout 1 ms'), 1);
let n = 0;
function chain() {
  n += 1;
  console.log('immediate', n);
  if (n < 3) setImmediate(chain);
}
setImmediate(chain);
