// util.deprecate: the DeprecationWarning is printed once per code, on stderr
const util = require('util');
const oldAdd = util.deprecate((a, b) => a + b, 'oldAdd() is deprecated. Use add() instead.', 'DEP_MINI_1');
const oldSub = util.deprecate(function oldSub(a, b) { return a - b; }, 'oldSub() is deprecated.');
console.log(oldAdd(1, 2), oldAdd(3, 4), oldSub(5, 1), oldSub(9, 1));
console.log(oldSub.name, oldSub.length);
setTimeout(() => console.log('later'), 1);
