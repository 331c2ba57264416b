// A value that is not an error, thrown by a queueMicrotask callback: node rethrows it from no
// script (`<anonymous_script>:0`), and hints at --trace-uncaught only for a primitive.
queueMicrotask(() => {
  console.log('first job');
});
queueMicrotask(() => {
  throw { reason: 'an object', code: 42 };
});
