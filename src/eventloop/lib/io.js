// io.js: the JavaScript side of real handles (servers, sockets, child processes, workers, IPC
// channels): each handle's object by its id, and `runIo`, which the loop calls with a completion.
//
// HOW: a module opens a handle with `ioOpen(kind, object, refed)`; its Rust half does the work in
// the background and posts completions, and the loop (src/eventloop/node.rs) calls
// `runIo(id, event, arg)` in the poll phase, which calls `object[event](arg)` (an ArrayBuffer
// argument arrives as a Buffer). `ioClose(id)` closes the handle: `object.onclose()` runs in the
// close-callbacks phase of this iteration, and nothing of the handle's runs after it.
// WHY: libuv's rules, kept in Rust (src/eventloop/io.rs): a referenced handle keeps the loop
// alive (`ioRef`), and a close callback runs in the sixth phase, as `socket.on('close')` does.
//
// Shared with Rust: `runIo` *Must* match `run_io` in src/eventloop/host/mod.rs, and the event
// names each module's Rust half posts *Must* match its objects' methods. Without a trace, runIo
// drains the nextTicks its callback queued itself (task_queues.js's plain queue).
// Bridge names: ioOpen, ioRef, ioClose, tickWake, in BRIDGE in src/eventloop/host/bridge.rs.

  const ioHandles = new CallbackStore();
  function ioOpen(kind, object, refed = true) {
    const id = mn.ioOpen(kind, refed);
    ioHandles.set(id, object);
    return id;
  }
  function ioRef(id, refed) { mn.ioRef(id, refed); }
  // true if the handle was open (its onclose will run). From now on only its onclose runs:
  // completions already on their way are dropped, as libuv runs nothing of a closing handle.
  function ioClose(id) {
    const h = ioHandles.get(id);
    if (h !== undefined) ioHandles.set(id, { onclose() { if (typeof h.onclose === 'function') h.onclose(); } });
    return mn.ioClose(id);
  }
  function runIo(id, event, arg) {
    const h = ioHandles.get(id);
    if (h === undefined) return;
    if (event === 'onclose') ioHandles.delete(id);
    if (arg instanceof ArrayBuffer) arg = toBuffer(arg);
    const f = h[event];
    if (typeof f !== 'function') return;
    if (record) {
      f.call(h, arg);
      return;
    }
    // The nextTicks it queues run here, before the loop's microtask checkpoint, as the loop
    // would run them (node's processTicksAndRejections): one call from the loop less per
    // completion, which a busy server makes thousands of times a second.
    tickDraining = true;
    let threw = true;
    try {
      f.call(h, arg);
      threw = false;
    } finally {
      tickDraining = false;
      // (a throw: the loop reports it, then runs what was queued)
      if (threw && plainHead < plainTicks.length) mn.tickWake();
    }
    if (plainHead < plainTicks.length) __runTicks();
  }
