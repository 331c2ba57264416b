// The notes' parent handlers, with the child replaced by two events from the loop:
// the child's answer (a message) arrives first, then the child exits ('close').
const res = {
  ended: false,
  end(body) {
    if (this.ended) {
      console.log(`res.end('${body}') ignored: the response was already sent`)
      return
    }
    this.ended = true
    console.log(`client receives: ${body}`)
  },
}

function sum() {
  let total = 0
  for (let index = 0; index < 10000; index++) {
    total += index
  }
  return total
}

const onMessage = (data) => res.end('data: ' + data)
const onClose = () => res.end('error')

console.log('GET /get-data: fork a child, send start...')
setImmediate(() => {
  onMessage(sum()) // the child's process.send(data) arrives
  setTimeout(() => onClose(), 5) // then the (fixed) child exits: 'close'
})
console.log('parent waits for the child')
