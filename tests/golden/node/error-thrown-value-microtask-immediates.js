// A value a queueMicrotask callback throws, when the jobs run between two immediates: node
// rethrows it from the runMicrotasks() call of runNextTicks.
setImmediate(() => {
  queueMicrotask(() => {
    throw 42;
  });
});
setImmediate(() => {});
