// await of a native promise: no extra ticks since V8 7.2 (await optimisation).
async function f() {
  await Promise.resolve();
  console.log('f resumed');
}
f();
Promise.resolve()
  .then(() => console.log('p1'))
  .then(() => console.log('p2'))
  .then(() => console.log('p3'));
