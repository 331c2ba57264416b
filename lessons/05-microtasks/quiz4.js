async function task() {
  console.log('task: before await')
  await null
  console.log('task: after await')
}

setTimeout(() => console.log('timeout'), 0)
task()
Promise.resolve().then(() => console.log('then'))
console.log('script end')
