// Promise.all: values in input order; rejects with the first rejection.
Promise.all([1, Promise.resolve(2), new Promise((r) => setTimeout(r, 5, 3))]).then((v) => console.log('all', v));
Promise.all([]).then((v) => console.log('all of nothing', v));
Promise.all([Promise.reject(new Error('first')), Promise.reject(new Error('second'))]).catch((e) => console.log('all rejected:', e.message));
