// A rejection handled later in the same drain (a nextTick, a microtask) does not crash.
const p = Promise.reject(new Error('late but in time'));
process.nextTick(() => {
  Promise.resolve().then(() => {
    p.catch((e) => console.log('caught:', e.message));
  });
});
setTimeout(() => console.log('timer runs, exit 0'), 0);
