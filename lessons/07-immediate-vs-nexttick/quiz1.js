setImmediate(() => {
  console.log('immediate A')
  process.nextTick(() => console.log('nextTick queued by A'))
  setImmediate(() => console.log('immediate C (queued by A)'))
})
setImmediate(() => console.log('immediate B'))
