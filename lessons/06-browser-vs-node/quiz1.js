// Node has two microtask queues; a browser has one (and no process.nextTick at all).
Promise.resolve().then(() => console.log('promise'))
queueMicrotask(() => console.log('queueMicrotask'))
process.nextTick(() => console.log('nextTick'))
console.log('script')
