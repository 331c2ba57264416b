// Async functions return promises; errors become rejections handled by catch.
async function ok() { return 42; }
async function bad() { throw new TypeError('bad input'); }
ok().then((v) => console.log('ok resolved with', v));
bad().catch((e) => console.log('bad rejected with', e.name, e.message));
(async () => {
  try {
    await bad();
  } catch (e) {
    console.log('caught by try/await:', e.message);
  }
})();
