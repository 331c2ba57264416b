// Missing extra args: the callback is called with no arguments at all.
setTimeout(function (a) {
  console.log('a is', a, '| arguments:', arguments.length);
}, 0);
process.nextTick(function () {
  console.log('nextTick arguments:', arguments.length);
});
