// Rejections caught by try/catch inside an async function.
async function fails() {
  await null;
  throw new Error('nope');
}
(async () => {
  try {
    await fails();
  } catch (e) {
    console.log('caught:', e.message);
  } finally {
    console.log('finally');
  }
})();
console.log('main');
