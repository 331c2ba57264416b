// signals.js: `process.on('SIGINT' | 'SIGTERM' | ..., listener)` and `os.constants.signals`
// (`process.kill` is child_process.js's, with node's signal checks).
//
// HOW: as node's lib/internal/process/per_thread.js and lib/internal/bootstrap/node.js:
// `process.on('newListener')` / `'removeListener'` listeners (startListeningIfSignal,
// stopListeningIfSignal) watch a signal while it has listeners. Each watch is an unreferenced
// handle (it does not keep the loop alive); a delivery runs `process.emit(name, name, number)` in
// the poll phase. With no listener, a signal does what it does to any process (SIGINT ends it).
// WHY: a server that closes itself on Ctrl-C (`process.on('SIGINT', () => server.close())`) is
// how a course ends its examples.
//
// Shared with Rust: the handle's `onsignal(number)` method. Bridge names: signals,
// signalStart, in BRIDGE in src/eventloop/host/bridge.rs.

  const signalNumbers = mn.signals;
  const signalWatches = { __proto__: null };
  function isSignalName(type) { return typeof type === 'string' && type.startsWith('SIG') && signalNumbers[type] !== undefined; }
  process.on('newListener', function startListeningIfSignal(type) {
    if (!isSignalName(type) || signalWatches[type] !== undefined) return;
    const watch = { onsignal(n) { process.emit(type, type, n); } };
    const id = ioOpen('Signal', watch, false);
    if (id === 0) return;
    if (!mn.signalStart(id, type)) {
      ioClose(id);
      const e = new Error(`uv_signal_start EINVAL`);
      e.errno = -22; e.code = 'EINVAL'; e.syscall = 'uv_signal_start';
      throw e;
    }
    signalWatches[type] = id;
  });
  process.on('removeListener', function stopListeningIfSignal(type) {
    const id = signalWatches[type];
    if (id === undefined || process.listenerCount(type) > 0) return;
    delete signalWatches[type];
    ioClose(id);
  });
