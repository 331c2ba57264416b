// node: names: an unknown one throws ERR_UNKNOWN_BUILTIN_MODULE; resolve keeps built-in names;
// a package requires itself by its own name through its "exports".
for (const id of ['node:nope', 'node:fs/nope']) {
  try {
    require(id);
  } catch (e) {
    console.log(e.code, e.message);
  }
}
console.log(require.resolve('node:fs'), require.resolve('path'), require.resolve.paths('node:os'));
try {
  require.resolve('node:nope');
} catch (e) {
  console.log('resolve:', e.code);
}
console.log(require('node:fs') === require('fs'));
console.log(require('mn-exports/feature/self'));
