// Promise.any rejects with V8's AggregateError: its message, its errors, and a stack without
// frames; uncaught, node reports it from its own rethrow of the rejection.
Promise.any([Promise.reject(new RangeError('first')), Promise.reject(2)]).catch((e) => {
  console.log(e.name, e.message, e.errors.length);
  console.log(e.stack);
  console.log(Object.keys(e), e instanceof AggregateError);
  console.log([new AggregateError([1], 'made')]);
  Promise.any([]);
});
