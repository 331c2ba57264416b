// Awaiting setTimeout(0) in a loop: each timer is created while the previous timer's task runs
// its microtasks, so from the sixth round on the 4 ms clamp applies.
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
(async () => {
  const start = performance.now();
  for (let i = 1; i <= 8; i++) {
    await sleep(0);
    console.log('round', i, 'at', Math.round(performance.now() - start));
  }
})();
