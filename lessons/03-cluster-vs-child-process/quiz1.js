// A big computation on the main thread: what happens to a timer that is already due?
function sum(n) {
  let total = 0
  for (let index = 0; index < n; index++) {
    total += index
  }
  return total
}

setTimeout(() => console.log('timer (0 ms)'), 0)
console.log('request arrives')
console.log('sum =', sum(3e6))
console.log('request answered')
