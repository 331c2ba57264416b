// Missing extra args arrive as undefined; this is the Timeout object.
setTimeout(function (a) {
  console.log('a is', a, '| arguments:', arguments.length);
}, 0);
process.nextTick(function () {
  console.log('nextTick arguments:', arguments.length);
});
