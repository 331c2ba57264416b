// Inside an I/O callback (poll phase): which runs first?
const fs = require('fs')

fs.readFile(__filename, () => {
  console.log('readFile callback (poll phase)')
  setTimeout(() => console.log('setTimeout 0'), 0)
  setImmediate(() => console.log('setImmediate'))
  process.nextTick(() => console.log('nextTick'))
})

console.log('main script')
