// await of a thenable costs extra turns (NewPromiseResolveThenableJob).
const thenable = {
  then(resolve) {
    console.log('then() called');
    resolve('thenable value');
  },
};
async function f() {
  const v = await thenable;
  console.log('f got', v);
}
f();
Promise.resolve()
  .then(() => console.log('p1'))
  .then(() => console.log('p2'))
  .then(() => console.log('p3'))
  .then(() => console.log('p4'));
