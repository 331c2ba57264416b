// A nextTick queued by a promise reaction waits until the whole microtask queue is empty.
Promise.resolve().then(() => {
  console.log('promise 1');
  process.nextTick(() => console.log('tick from promise 1'));
  Promise.resolve().then(() => console.log('promise 3 (queued by promise 1)'));
});
Promise.resolve().then(() => console.log('promise 2'));
