// Ticks and microtasks queueing each other, several levels deep.
process.nextTick(() => {
  console.log('t1');
  Promise.resolve().then(() => {
    console.log('p1 (from t1)');
    process.nextTick(() => {
      console.log('t2 (from p1)');
      queueMicrotask(() => console.log('m1 (from t2)'));
    });
    queueMicrotask(() => console.log('m0 (from p1)'));
  });
});
Promise.resolve().then(() => console.log('p0'));
console.log('main');
