// Extra arguments to setTimeout are passed to the callback.
setTimeout((a, b, c) => console.log('got', a, b, c), 0, 'one', 2, [3]);
setTimeout(function () {
  console.log('arguments:', arguments.length);
}, 0);
