// Promises started together settle in timer order.
const sleep = (ms, v) => new Promise((r) => setTimeout(() => r(v), ms));
(async () => {
  const results = await Promise.all([sleep(300, 'slow'), sleep(100, 'fast'), sleep(200, 'mid')].map((p) => p.then((v) => { console.log('settled', v); return v; })));
  console.log('all', results);
})();
