// A chain of immediates, each queued from the previous one.
let n = 0;
function next() {
  n += 1;
  console.log('immediate', n);
  if (n < 5) setImmediate(next);
}
setImmediate(next);
