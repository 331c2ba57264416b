// A microtask queued by a microtask still runs in the same checkpoint, before any task.
setTimeout(() => console.log('timeout'), 0);
queueMicrotask(() => {
  console.log('micro 1');
  queueMicrotask(() => {
    console.log('micro 2');
    queueMicrotask(() => console.log('micro 3'));
  });
});
console.log('sync');
