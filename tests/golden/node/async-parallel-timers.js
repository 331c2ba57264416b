// Promises started together settle in timer order.
const sleep = (ms, v) => new Promise((r) => setTimeout(() => r(v), ms));
(async () => {
  const results = await Promise.all([sleep(30, 'slow'), sleep(10, 'fast'), sleep(20, 'mid')].map((p) => p.then((v) => { console.log('settled', v); return v; })));
  console.log('all', results);
})();
