// Node-only helpers inside one timer callback.
setTimeout(() => {
  setImmediate(() => console.log('setImmediate'))
  process.nextTick(() => console.log('process.nextTick'))
  Promise.resolve().then(() => console.log('promise'))
  console.log('setTimeout callback')
}, 0)
