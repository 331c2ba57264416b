// Readable: 'data', 'end', 'close' come in node's order among nextTicks and promises.
const { Readable } = require('stream');
const r = new Readable({ read() {} });
r.on('data', (c) => console.log('data', c.toString()));
r.on('end', () => console.log('end'));
r.on('close', () => console.log('close'));
r.push('a');
r.push('b');
r.push(null);
process.nextTick(() => console.log('tick'));
Promise.resolve().then(() => console.log('promise'));
const paused = new Readable({ read() {} });
paused.push('x');
paused.push(null);
paused.on('readable', () => {
  let chunk;
  while ((chunk = paused.read()) !== null) console.log('read', chunk.toString());
});
paused.on('end', () => console.log('paused end'));
console.log('main done');
