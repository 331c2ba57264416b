// clearTimeout cancels a timer that has not fired yet; clearing twice is harmless.
const a = setTimeout(() => console.log('a (never)'), 10);
const b = setTimeout(() => console.log('b'), 20);
setTimeout(() => {
  console.log('clearing a');
  clearTimeout(a);
  clearTimeout(a);
}, 5);
console.log('ids are numbers:', typeof a, typeof b, a !== b);
