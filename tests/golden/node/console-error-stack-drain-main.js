// Where node drains the microtask queue shows in a stack trace. After a callback (the main script
// here, then lone timers), with no tick scheduled, V8's checkpoint runs the promise jobs: no frame
// below them, even while a rejection waits. A nextTick, or a write to stdout (its stream queues an
// afterWriteTick), makes it processTicksAndRejections, which runs the ticks, then the jobs.
const where = (tag) => tag + '\n' + new Error(tag).stack.split('\n').slice(2).join('\n');
const lines = [];
Promise.resolve().then(() => lines.push(where('checkpoint')));
queueMicrotask(() => lines.push(where('queueMicrotask in the checkpoint')));
setTimeout(() => {
  process.nextTick(() => {
    lines.push(where('a tick'));
    Promise.resolve().then(() => lines.push(where('a job queued by a tick')));
  });
  Promise.resolve().then(() => lines.push(where('a job after a tick')));
  setTimeout(() => {
    const p = Promise.reject(new Error('later'));
    Promise.resolve().then(() => {
      lines.push(where('while a rejection waits'));
      p.catch(() => {});
    });
    setTimeout(() => {
      console.log('a write queues a tick');
      Promise.resolve().then(() => lines.push(where('after a write')));
      queueMicrotask(() => lines.push(where('queueMicrotask after a write')));
      setTimeout(() => console.log(lines.join('\n')), 1);
    }, 1);
  }, 1);
}, 1);
