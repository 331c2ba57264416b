// Each timer is one task: its microtasks run before the next timer, in Node >= 11 as in a browser.
setTimeout(() => {
  console.log('timeout 1')
  Promise.resolve().then(() => console.log('promise 1'))
}, 0)
setTimeout(() => {
  console.log('timeout 2')
  Promise.resolve().then(() => console.log('promise 2'))
}, 0)
