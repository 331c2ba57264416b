// A nextTick queued by a promise callback waits until the promise queue is empty.
Promise.resolve().then(() => {
  console.log('promise 1')
  process.nextTick(() => console.log('nextTick from promise 1'))
})
Promise.resolve().then(() => console.log('promise 2'))

process.nextTick(() => {
  console.log('nextTick 1')
  Promise.resolve().then(() => console.log('promise from nextTick 1'))
})
