// globals.js: the globals (console, process, timers, Buffer, performance, Date.now on the loop's
// clock ...), and the end of the prelude's function: the handles the scheduler calls.
//
// HOW: the globals are defined non-enumerable on the global object, as node's are. The returned
// object's names (main, runTimer, runImmediate, runTick, runTicks, runCallback, runIo, uncaught,
// processRejections, runExit, beforeExit, trackRejection) *Must* match what
// src/eventloop/host/mod.rs reads into `Js`; `report`, `exitCode`, `inspect` and `isExit` are
// offered too, though no Rust code reads them today.
// WHY: Date.now and performance.now follow the scheduler's virtual clock, so traces are
// deterministic.
//
// Bridge names: now, in BRIDGE in src/eventloop/host/bridge.rs.

  // ---------------------------------------------------------------- globals
  const performance = loopClockPerformance();
  const defs = {
    console, process, setTimeout, setInterval, setImmediate, clearTimeout, clearInterval: clearTimeout, clearImmediate,
    queueMicrotask, Buffer: BufferFn, performance, global,
    atob, btoa,
  };
  for (const k of Object.keys(defs)) {
    Object.defineProperty(global, k, { value: defs[k], writable: true, configurable: true, enumerable: k === 'global' ? false : false });
  }
  for (const k of ['TextEncoder', 'TextDecoder']) lazyGlobal(k, () => encodingLib()[k]);
  for (const k of ['URL', 'URLSearchParams']) lazyGlobal(k, () => urlLib()[k]);
  for (const k of ['EventTarget', 'Event', 'AbortController', 'AbortSignal']) lazyGlobal(k, () => abortLib()[k]);
  lazyGlobal('structuredClone', () => cloneLib().structuredClone);
  for (const k of ['MessageChannel', 'MessagePort']) lazyGlobal(k, () => workerThreadsLib().module[k]);
  lazyGlobal('Intl', () => intlLib().Intl);
  // A forked child's side of the IPC channel, before the main script (node's pre-execution).
  cpForkChild();
  clusterSetupWorker();
  // The scheduler's handles on this side.
  return {
    main: workerInfo === null ? __mainModule : __workerMain,
    runTimer, runImmediate, runTick, runTicks: __runTicks,
    runCallback(id) { const f = callbacks.get(id); callbacks.delete(id); if (f !== undefined) f(); },
    runIo,
    uncaught: reportUncaught,
    report: uncaughtReport,
    trackRejection, processRejections,
    exitCode, runExit, beforeExit,
    inspect,
    isExit: (e) => e === EXIT,
  };
