// Three 0 ms timers, and a fourth one set while the first is running.
setTimeout(() => {
  console.log('A: first timer')
  setTimeout(() => console.log('D: set inside A'), 0)
  process.nextTick(() => console.log('nextTick from A'))
}, 0)
setTimeout(() => console.log('B: second timer'), 0)
setTimeout(() => console.log('C: third timer'), 0)
