// A relative request: the exact file, then .js, .json, then a folder's index.js; a trailing
// slash means a folder.
const lib = '../node_modules/mn-probe/lib';
console.log(require(lib + '/x'));
console.log(require(lib + '/dir'));
console.log(require(lib + '/dir/'));
console.log(require('../node_modules/mn-probe'));
console.log(require('../node_modules/mn-probe/'));
try {
  require(lib + '/x/');
} catch (e) {
  console.log(e.code, e.message.split('\n')[0]);
}
