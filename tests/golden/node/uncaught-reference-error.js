// A ReferenceError from a typo.
const total = 5;
console.log(totl);
