// require.cache: a module runs once; deleting its entry makes the next require run it again.
const path = require('path');
const first = require('mn-counter');
const again = require('mn-counter');
console.log(first.run, again.run, first === again);
const file = require.resolve('mn-counter');
console.log(path.relative(__dirname, file) in require.cache, file in require.cache);
console.log(require.cache[file].exports === first);
delete require.cache[file];
const fresh = require('mn-counter');
console.log(fresh.run, fresh === first);
console.log(require.cache[__filename] === module);
