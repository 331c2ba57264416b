// A rejection handled within the same checkpoint is never reported.
const p = Promise.reject(new Error('handled in time'));
queueMicrotask(() => {
  p.catch((e) => console.log('caught:', e.message));
});
async function fails() {
  throw new Error('from an async function');
}
fails();
setTimeout(() => console.log('done'), 0);
