// signals.js: `process.kill(pid[, signal])`, `process.on('SIGINT' | 'SIGTERM' | ..., listener)`
// and `os.constants.signals`.
//
// HOW: as node's lib/internal/process/per_thread.js and lib/internal/bootstrap/node.js:
// `process.on('newListener')` / `'removeListener'` listeners (startListeningIfSignal,
// stopListeningIfSignal) watch a signal while it has listeners. Each watch is an unreferenced
// handle (it does not keep the loop alive); a delivery runs `process.emit(name, name, number)` in
// the poll phase. With no listener, a signal does what it does to any process (SIGINT ends it).
// WHY: a server that closes itself on Ctrl-C (`process.on('SIGINT', () => server.close())`) is
// how a course ends its examples.
//
// Shared with Rust: the handle's `onsignal(number)` method. Bridge names: signals, kill,
// signalStart, in BRIDGE in src/eventloop/host/bridge.rs.

  const signalNumbers = mn.signals;
  const signalWatches = { __proto__: null };
  function signalNumber(sig, name) {
    if (typeof sig === 'number') return sig;
    if (typeof sig === 'string' && signalNumbers[sig] !== undefined) return signalNumbers[sig];
    throw nodeError(TypeError, 'ERR_UNKNOWN_SIGNAL', `Unknown signal: ${sig}`);
  }
  process.kill = function kill(pid, sig = 'SIGTERM') {
    if (pid != (pid | 0)) throw invalidArgType('pid', 'number', pid);
    const r = mn.kill(pid | 0, signalNumber(sig) | 0);
    if (r !== 0) {
      const code = r === -3 ? 'ESRCH' : r === -1 ? 'EPERM' : 'EINVAL';
      const e = new Error(`kill ${code}`);
      e.errno = r; e.code = code; e.syscall = 'kill';
      throw e;
    }
    return true;
  };
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
