// Since Node 11, both queues are drained after EVERY timer callback, not after the whole phase.
setTimeout(() => {
  console.log('timeout 1')
  Promise.resolve().then(() => console.log('promise in timeout 1'))
  process.nextTick(() => console.log('nextTick in timeout 1'))
}, 0)

setTimeout(() => {
  console.log('timeout 2')
}, 0)
