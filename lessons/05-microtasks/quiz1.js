console.log('script start')

setTimeout(() => console.log('setTimeout'), 0)
Promise.resolve().then(() => console.log('promise.then'))
process.nextTick(() => console.log('process.nextTick'))
queueMicrotask(() => console.log('queueMicrotask'))

console.log('script end')
