// An error thrown while a file is required: node's loader frames, then the requiring file's.
try {
  require('mn-require-error/top-level.js');
} catch (e) {
  console.log(e.stack.split('\n').slice(0, 9).join('\n'));
}
function load() { return require('mn-require-error/first-line.js'); }
try {
  load();
} catch (e) {
  console.log(e.stack.split('\n').slice(0, 10).join('\n'));
}
