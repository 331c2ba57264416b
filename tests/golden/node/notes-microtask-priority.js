// From the notes: microtasks have priorities: process.nextTick first, then promise / async-await.
async function asyncFn() {
  console.log('async start');
  await null;
  console.log('async/await continuation');
}
Promise.resolve().then(() => console.log('promise'));
process.nextTick(() => console.log('process.nextTick (highest)'));
asyncFn();
console.log('sync');
