// Promise.allSettled never rejects.
Promise.allSettled([Promise.resolve(1), Promise.reject(new Error('x')), 3]).then((results) => {
  for (const r of results) console.log(r.status, r.status === 'fulfilled' ? r.value : r.reason.message);
  console.log(results.length, 'results');
});
