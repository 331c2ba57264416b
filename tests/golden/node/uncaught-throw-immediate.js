// An uncaught exception in an immediate.
setImmediate(function explode() {
  throw new TypeError('bad immediate');
});
