// A chain of nested setTimeout(0) races a plain 10 ms timer: the clamp shows in the interleaving.
let n = 0;
function step() {
  n++;
  console.log('nested', n);
  if (n < 8) setTimeout(step, 0);
}
setTimeout(step, 0);
setTimeout(() => console.log('10 ms timer'), 10);
