// A throw inside an async function with nobody awaiting it.
async function work() {
  console.log('working');
  await null;
  throw new TypeError('bad input');
}
work();
console.log('main');
