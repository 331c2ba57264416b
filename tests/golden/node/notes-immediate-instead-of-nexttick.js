// From the notes: prefer setImmediate over process.nextTick. A recursive nextTick runs before
// anything else; a recursive setImmediate gives the loop a turn between rounds.
let ticks = 0;
function tickLoop() { if (++ticks < 3) process.nextTick(tickLoop); else console.log('nextTick loop done', ticks); }
process.nextTick(tickLoop);
setTimeout(() => {
  let rounds = 0;
  function immediateLoop() {
    rounds += 1;
    console.log('immediate round', rounds);
    if (rounds < 3) setImmediate(immediateLoop);
  }
  setImmediate(immediateLoop);
}, 0);
