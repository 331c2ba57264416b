// A 0 ms timer set inside a nextTick callback against an immediate from the main script.
setImmediate(() => console.log('immediate'));
process.nextTick(() => {
  console.log('nextTick');
  setTimeout(() => console.log('timeout from nextTick'), 0);
});
