// Promise.all, allSettled, race and any.
const later = (v, ms) => new Promise((r) => setTimeout(() => r(v), ms));
Promise.all([later('x', 20), later('y', 10), 3]).then((v) => console.log('all', v));
Promise.race([later('slow', 30), later('quick', 5)]).then((v) => console.log('race', v));
Promise.allSettled([Promise.reject(new Error('no')), later('yes', 1)]).then((r) =>
  console.log('allSettled', r.map((x) => x.status).join(','))
);
Promise.any([Promise.reject(1), later('any', 15)]).then((v) => console.log('any', v));
