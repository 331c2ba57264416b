// Promise.any: first fulfilment; AggregateError when all reject.
Promise.any([Promise.reject(new Error('a')), Promise.resolve('b'), Promise.resolve('c')]).then((v) => console.log('any', v));
Promise.any([Promise.reject(new Error('a')), Promise.reject(new Error('b'))]).catch((e) => {
  console.log(e.constructor.name, e.errors.map((x) => x.message));
});
