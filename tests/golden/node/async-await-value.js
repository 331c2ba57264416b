// await of a plain value takes one microtask turn.
async function f() {
  console.log('f start');
  await 1;
  console.log('f after await');
}
f();
Promise.resolve().then(() => console.log('then 1')).then(() => console.log('then 2'));
console.log('main');
