// events.once resolves with the arguments array, and rejects on 'error'
const { once, EventEmitter } = require('events');
async function main() {
  const e = new EventEmitter();
  setTimeout(() => e.emit('ready', 1, 2), 1);
  console.log('ready', await once(e, 'ready'));
  const f = new EventEmitter();
  setTimeout(() => f.emit('error', new Error('bad')), 1);
  try {
    await once(f, 'ready');
  } catch (err) {
    console.log('rejected', err.message, f.listenerCount('ready'), f.listenerCount('error'));
  }
  const g = new EventEmitter();
  setImmediate(() => g.emit('error', new Error('as value')));
  console.log('error value', (await once(g, 'error'))[0].message);
}
main();
