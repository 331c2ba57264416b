// Two chains that re-schedule themselves three times each.
let ticks = 0
function tick() {
  ticks++
  console.log('nextTick ' + ticks)
  if (ticks < 3) process.nextTick(tick)
}

let immediates = 0
function immediate() {
  immediates++
  console.log('setImmediate ' + immediates)
  if (immediates < 3) setImmediate(immediate)
}

setImmediate(immediate)
process.nextTick(tick)
console.log('main script')
