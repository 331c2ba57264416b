// require.resolve finds without loading; require.resolve.paths lists where it would look.
const path = require('path');
const rel = (p) => path.relative(__dirname, p);
console.log(rel(require.resolve('mn-main-field')));
console.log(rel(require.resolve('../node_modules/mn-probe/lib/data')));
console.log(rel(require.resolve('@mn-scope/tool')));
console.log(require.resolve('fs'), require.resolve('node:path'));
console.log(require.resolve.paths('fs'));
console.log(require.resolve.paths('./x').map(rel));
console.log(require.resolve.paths('mn-main-field').slice(0, 2).map(rel));
console.log(Object.keys(require.cache).map(rel));
try {
  require.resolve('mn-nowhere');
} catch (e) {
  console.log(e.code, e.requireStack.map(rel));
}
