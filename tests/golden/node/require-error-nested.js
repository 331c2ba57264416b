// A file that requires a failing file: both loaders' frames, then the first requiring file's.
Error.stackTraceLimit = 30;
function load() {
  require('mn-require-error/nested.js');
}
try {
  load();
} catch (e) {
  console.log(e.stack.split('\n').slice(0, 14).join('\n'));
}
