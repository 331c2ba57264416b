// An endless nextTick chain starves the loop: the timer never runs. Stopped by --timeout.
setTimeout(() => console.log('never printed'), 0);
function again() {
  process.nextTick(again);
}
again();
