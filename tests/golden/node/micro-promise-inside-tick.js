// A promise queued by a nextTick callback runs after every pending tick.
process.nextTick(() => {
  console.log('tick 1');
  Promise.resolve().then(() => console.log('promise from tick 1'));
  process.nextTick(() => console.log('tick 3 (queued by tick 1)'));
});
process.nextTick(() => console.log('tick 2'));
