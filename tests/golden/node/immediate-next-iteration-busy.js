// Proof that an immediate queued in check waits a whole iteration: the callback blocks for 20 ms,
// so the 0 ms timer has surely expired when the next iteration's timers phase comes first.
const fs = require('fs');
fs.readFile(__filename, () => {
  setImmediate(() => {
    console.log('immediate 1');
    setTimeout(() => console.log('timeout (timers phase of the next iteration)'), 0);
    setImmediate(() => console.log('immediate 2 (check phase of the next iteration)'));
    const end = Date.now() + 20;
    while (Date.now() < end) { /* busy: block the loop */ }
  });
});
