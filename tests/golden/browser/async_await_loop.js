// An await inside a loop interleaves with another chain, one microtask at a time.
async function counter(name, n) {
  for (let i = 1; i <= n; i++) {
    console.log(name, i);
    await undefined;
  }
}
counter('a', 3);
counter('b', 3);
console.log('sync end');
