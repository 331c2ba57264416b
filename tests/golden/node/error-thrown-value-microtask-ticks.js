// A value a queueMicrotask callback throws, when the jobs run from processTicksAndRejections (a
// write to stdout scheduled a tick): node rethrows it from its runMicrotasks() call.
console.log('a write schedules a tick');
queueMicrotask(() => {
  throw 'thrown by a job';
});
