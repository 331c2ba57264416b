// task_queues.js: process.nextTick and queueMicrotask.
//
// HOW: recorded runs queue each tick with the loop (`mn.tick`: an Enqueue event, a CallbackStart
// per tick); plain runs keep the queue here and drain it in one call (__runTicks), telling the
// loop only that it has work when the queue stops being empty outside a drain (`mn.tickWake`).
// queueMicrotask uses QuickJS's own job queue; `mn.microtask` only names the job in the trace.
// WHY: as node's lib/internal/process/task_queues.js, ticks run before promise jobs after each
// callback; draining in JavaScript saves a native round trip per tick when nothing is recorded.
//
// Bridge names: tick, tickWake, microtask, in BRIDGE in src/eventloop/host/bridge.rs.

  // ---------------------------------------------------------------- nextTick, microtasks
  // Recorded runs queue each tick with the loop (an Enqueue event, a CallbackStart per tick); plain
  // runs keep the queue here and drain it in one call (__runTicks), telling the loop only that it
  // has work when the queue stops being empty outside a drain.
  let plainTicks = [];
  let plainHead = 0;
  let tickDraining = false;
  function nextTick(cb, ...args) {
    if (typeof cb !== 'function') throw invalidArgType('callback', 'function', cb);
    if (record) {
      const id = nextId++;
      tickQueue.push({ _id: id, cb, args: args.length ? args : undefined });
      mn.tick(id, callerLine());
      return;
    }
    nextId++;
    const q = plainTicks;
    const n = q.length;
    if (!tickDraining && plainHead === n) mn.tickWake();
    q[n] = cb;
    q[n + 1] = args.length ? args : undefined;
  }
  // How many arguments the running tick got: node's processTicksAndRejections calls it on another
  // line for each count, which its stack frame shows (read by drainFrames in errors.js).
  let tickArgs = 0;
  function __runTick(cb, args) {
    tickArgs = args === undefined ? 0 : args.length;
    return args === undefined ? cb() : cb(...args);
  }
  function runTick(id) {
    const t = tickQueue.take(id);
    if (t !== undefined) __runTick(t.cb, t.args);
  }
  // (the callbacks are called here, not through __runTick: one call less per tick; the name
  // stands for node's processTicksAndRejections in stack traces)
  function __runTicks() {
    tickDraining = true;
    try {
      while (plainHead < plainTicks.length) {
        // (callback, arguments) pairs
        const cb = plainTicks[plainHead];
        const args = plainTicks[plainHead + 1];
        plainTicks[plainHead] = plainTicks[plainHead + 1] = undefined;
        plainHead += 2;
        if (plainHead >= 2048 && plainHead * 2 >= plainTicks.length) {
          plainTicks = plainTicks.slice(plainHead);
          plainHead = 0;
        }
        if (args === undefined) {
          if (tickArgs !== 0) tickArgs = 0;
          cb();
        } else {
          tickArgs = args.length;
          cb(...args);
        }
      }
    } finally {
      tickDraining = false;
      if (plainHead < plainTicks.length) mn.tickWake();
    }
  }
  function __runMicrotask(cb) { return cb(); }
  function queueMicrotask(cb) {
    if (typeof cb !== 'function') throw invalidArgType('callback', 'function', cb);
    if (record) mn.microtask(callerLine());
    nextId++;
    Promise.resolve().then(() => {
      try { __runMicrotask(cb); } catch (e) { reportUncaught(e, true, 'uncaughtException', true); }
    });
  }
