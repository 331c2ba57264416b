// Combinator resolution takes microtask turns; count them against a chain.
let turn = 0;
const count = () => { turn += 1; if (turn < 6) return Promise.resolve().then(count); };
Promise.resolve().then(count);
Promise.all([1, 2]).then(() => console.log('all resolved at turn', turn));
Promise.race([1, 2]).then(() => console.log('race resolved at turn', turn));
Promise.allSettled([1]).then(() => console.log('allSettled resolved at turn', turn));
Promise.any([1]).then(() => console.log('any resolved at turn', turn));
