// worker_threads.js: node's `worker_threads` module (Worker, parentPort, workerData, threadId,
// isMainThread, MessageChannel, MessagePort, receiveMessageOnPort), and what a worker thread's
// loop runs: its main script, and its uncaught error sent to the parent.
//
// HOW: a Worker is a real thread running its own engine and Node loop (src/eventloop/worker.rs);
// the parent's `Worker` object is an I/O handle (lib/io.js), referenced while the worker runs.
// Messages are serialised (lib/lazy/worker_threads.js, the structured clone's rules) and cross
// as completions run in the receiving loop's poll phase: `onreceive` (a message), `ononline`,
// `onstdout` / `onstderr` (the worker's output, acknowledged with `mn.workerAck` as node's
// `STDIO_WANTS_MORE_DATA`), `onerror` (its uncaught error), `onexit` (its exit code), `ondrain`
// (a started port's queued message), `onpeerclose`, and in the worker `onack` and
// `onterminate` on its internal port. In a worker, the loop calls `__workerMain` (globals.js
// hands it over as `main`) instead of compiling the file itself: a missing file or a syntax
// error is then an uncaught error like any other, which `workerFatal` sends to the parent after
// the 'exit' listeners, as node's worker does.
// WHY: node runs each worker on its own V8 isolate and libuv loop; one QuickJS runtime per thread
// is the same shape, and output through the parent keeps one process writing one stream in
// node's order.
//
// Shared with Rust: the completion names above *Must* match src/eventloop/worker/link.rs and
// src/eventloop/host/worker_threads.rs; `mn.workerInfo`'s fields (threadId, data, eval,
// missing, port, internal) *Must* match `worker_info` there. Streams are 1 (stdout) and 2.
// Bridge names: workerInfo, workerThreadId, workerStart, workerStop, workerAck, workerEnded,
// workerOnline, workerMore, workerError, portPost, portClose, portKick, in BRIDGE in
// src/eventloop/host/bridge.rs.
//
// LAZY: the module's code runs from lib/lazy/worker_threads.js, compiled on first use (in a
// worker, before its script).

  // ---------------------------------------------------------------- worker_threads
  // null in the main thread
  const workerInfo = mn.workerInfo;
  const workerThreadsLib = lazyLib(() => lazyModule('worker_threads', {
    EventEmitter, nextTick, inspect, invalidArgType, nodeError, codedError, path, process, writeOut,
    ioOpen, ioRef, ioClose, ioHandles, kNodeReport, sourceContext, streams, BufferFn, cloneLib,
    emitWith: __emitWith,
    info: workerInfo,
    traceMessage: record ? mn.traceMessage : null,
    native: {
      threadId: mn.workerThreadId, start: mn.workerStart, stop: mn.workerStop, ack: mn.workerAck,
      ended: mn.workerEnded, online: mn.workerOnline, more: mn.workerMore, error: mn.workerError,
      post: mn.portPost, close: mn.portClose, kick: mn.portKick,
    },
  }));
  // The runner of the listeners of a port's or a Worker's events: `frames` are node's below them
  // (RUNNER_FRAMES in errors.js prints them). With `dispatch`, as node's EventTarget dispatch, an
  // error a listener throws is thrown again on the next tick (its report names that site).
  function __emitWith(target, type, frames, dispatch, ...args) {
    const prev = emitWithFrames;
    emitWithFrames = frames;
    try {
      return target.emit(type, ...args);
    } catch (e) {
      if (!dispatch || (e !== null && typeof e === 'object' && e.__mnExit)) throw e;
      workerThreadsLib().throwOnTick(e);
      return false;
    } finally {
      emitWithFrames = prev;
    }
  }
  // A worker's main script (the loop calls it in place of the main module): node's 'online',
  // then the file as the main module, or the code as `[worker eval]`.
  function __workerMain() {
    const lib = workerThreadsLib();
    lib.online();
    if (workerInfo.missing) throw lib.notFound(SCRIPT);
    let fn;
    try {
      fn = mn.compile(mn.source, SCRIPT);
    } catch (e) {
      throw lib.syntaxError(e, workerInfo.eval);
    }
    if (workerInfo.eval) {
      try {
        __workerEval(fn);
      } catch (e) {
        lib.thrownByEval(e);
        throw e;
      }
    } else {
      __workerModule(fn);
    }
  }
  // The runner of a worker's file: node's frames in RUNNER_FRAMES (errors.js).
  function __workerModule(fn) {
    const require = makeRequire(mainModule);
    moduleCache[SCRIPT] = mainModule;
    try {
      return fn.call(mainModule.exports, mainModule.exports, require, mainModule, SCRIPT, path.dirname(SCRIPT));
    } finally {
      mainModule.loaded = true;
    }
  }
  // The runner of a worker's code (`eval: true`): a module of its own, not require.main, run
  // with `this` the global object, as node's `[worker eval]`.
  function __workerEval(fn) {
    const module = new Module(SCRIPT, null);
    module.filename = path.join(process.cwd(), SCRIPT);
    module.paths = nodeModulePaths(process.cwd());
    return fn.call(globalThis, module.exports, makeRequire(module), module, SCRIPT, '.');
  }
  // An uncaught error ended the worker (after its 'exit' listeners): to the parent's 'error'.
  function workerFatal(err) {
    workerThreadsLib().fatal(err);
  }
