// A tiny model of the notes' primary: ids count up and are never reused.
let nextId = 1

function fork() {
  const id = nextId++
  console.log(`fork: worker ${id}`)
  setImmediate(() => {
    console.log(`online: worker ${id}`)
    if (id === 2) setTimeout(crash, 10)
  })
}

// Worker 1 crashes a little later; the guard forks a replacement at once.
function crash() {
  console.log('1 exit.')
  fork()
}

for (let index = 0; index < 2; index++) {
  fork()
}
