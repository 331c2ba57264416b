// Inside a timer callback, setTimeout(0) and setImmediate are not a race.
setTimeout(() => {
  setTimeout(() => console.log('setTimeout 0'), 0)
  setImmediate(() => console.log('setImmediate'))
  console.log('in the timers phase')
}, 0)
