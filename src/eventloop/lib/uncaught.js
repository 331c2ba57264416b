// uncaught.js: ERR_INVALID_ARG_TYPE errors, process warnings, node's report of an uncaught
// exception and of an unhandled rejection.
//
// HOW: the loop model calls `uncaught` / `processRejections` (returned by globals.js) when a
// callback throws or after a microtask checkpoint; without an 'uncaughtException' listener the
// report (the source line with a caret, the inspected error, `Node.js v20...`) is written to
// stderr after the 'exit' listeners (runExit calls flushReport), and `mn.fatal('', code)` ends the
// run with that exit code.
// 'uncaughtExceptionMonitor' listeners run first; an error thrown by a listener ends the run with
// exit code 7 (node's). Rejections are tracked through `trackRejection`, which the host installs
// as the engine's rejection tracker (also called when a handler comes late: 'rejectionHandled').
// The report's header reads the line of a required file again from disk (only when reporting).
// An error thrown by node's own library code (an unhandled 'error' event, a failed assert) carries
// the head of node's report under `kNodeReport` (events.js): node's throw site in its own files.
// In a worker thread nothing is printed: the error goes to the parent's 'error' event
// (`workerFatal`, worker_threads.js), after the worker's 'exit' listeners, as node's worker does.
// WHY: node's default `--unhandled-rejections=throw` and its uncaught report are what the golden
// tests compare.
//
// Shared with Rust: the exit codes 1 of an uncaught error and 7 of a failing handler (node's); `trackRejection` *Must* match
// its use in src/eventloop/host/mod.rs (installed as `__mn_track`). Bridge names: fatal, in BRIDGE
// in src/eventloop/host/bridge.rs.

  // ---------------------------------------------------------------- errors and warnings
  function invalidArgType(name, type, actual) {
    let recv;
    if (actual === undefined || actual === null) recv = ` Received ${actual}`;
    else if (typeof actual === 'function') recv = ` Received function ${actual.name}`;
    else if (typeof actual === 'object') recv = ` Received ${inspect(actual, { depth: -1 })}`;
    else {
      let s = inspect(actual);
      if (s.length > 28) s = s.slice(0, 25) + '...';
      recv = ` Received type ${typeof actual} (${s})`;
    }
    const e = new TypeError(`The "${name}" argument must be of type ${type}.${recv}`);
    e.code = 'ERR_INVALID_ARG_TYPE';
    return e;
  }
  // process.emitWarning and node's default 'warning' listener (lib/internal/process/warning.js):
  // the warning is emitted on the next tick; the default listener prints it on stderr, with the
  // hint to trace it on the first warning only (--trace-deprecation for a deprecation).
  let traceWarningHelperShown = false;
  function emitWarning(warning, type, code, ctor) {
    let detail;
    if (type !== null && typeof type === 'object' && !Array.isArray(type)) {
      code = type.code;
      if (typeof type.detail === 'string') detail = type.detail;
      type = type.type || 'Warning';
    } else if (typeof type === 'function') {
      ctor = type;
      type = 'Warning';
      code = undefined;
    }
    if (type !== undefined && typeof type !== 'string') throw invalidArgType('type', 'string', type);
    if (typeof code === 'function') {
      ctor = code;
      code = undefined;
    }
    else if (code !== undefined && typeof code !== 'string') throw invalidArgType('code', 'string', code);
    if (typeof warning === 'string') {
      const limit = Error.stackTraceLimit;
      Error.stackTraceLimit = 0;
      const w = new Error(warning);
      Error.stackTraceLimit = limit;
      w.name = String(type || 'Warning');
      if (code !== undefined) w.code = code;
      if (detail !== undefined) w.detail = detail;
      // the stack again, now that the name is known: from the caller of emitWarning on
      Error.captureStackTrace(w, ctor || emitWarning);
      warning = w;
    } else if (!(warning instanceof Error)) {
      const e = invalidArgType('warning', 'Error or string', warning);
      e.message = e.message.replace('must be of type Error or string', 'must be of type string or an instance of Error');
      throw e;
    }
    nextTick(() => {
      onWarning(warning);
      process.emit('warning', warning);
    });
  }
  function onWarning(warning) {
    if (!(warning instanceof Error)) return;
    const isDeprecation = warning.name === 'DeprecationWarning';
    let msg = `(node:${process.pid}) `;
    if (warning.code) msg += `[${warning.code}] `;
    msg += typeof warning.toString === 'function' ? `${warning.toString()}` : Error.prototype.toString.call(warning);
    if (typeof warning.detail === 'string') msg += `\n${warning.detail}`;
    if (!traceWarningHelperShown) {
      const flag = isDeprecation ? '--trace-deprecation' : '--trace-warnings';
      msg += `\n(Use \`node ${flag} ...\` to show where the warning was created)`;
      traceWarningHelperShown = true;
    }
    writeOut(2, msg + '\n');
  }

  // Node's report of an uncaught exception, as printed on stderr before exiting.
  function sourceContext(err, atThrow) {
    if (err === null || typeof err !== 'object') return null;
    let stack;
    try { stack = err.stack; } catch (e) { return null; }
    if (typeof stack !== 'string') return null;
    // the first frame in a user file: the main script or a required file
    let file = null;
    let rest = null;
    for (const l of stack.split('\n')) {
      const m = l.match(/^\s+at (?:.* \()?(.+?):(\d+):(\d+)\)?$/);
      if (m && !m[1].startsWith('node:') && (m[1] === SCRIPT || m[1].startsWith('/'))) {
        file = m[1];
        rest = [m[0], m[2], m[3]];
        break;
      }
    }
    if (file === null) return null;
    const line = Number(rest[1]);
    let col = Number(rest[2]);
    const text = fileLine(file, line);
    if (text === undefined) return null;
    // node points at the throw statement: find it when the error was built by the script
    // (`new Error(...)`); an error the engine raised (a failed call or read) is thrown where it is.
    if (atThrow && /^new\b/.test(text.slice(col - 1))) {
      // node points at the throw statement: the nearest `throw` before the error's place on
      // that line, else the first one after it.
      let best = -1;
      const re = /\bthrow\b/g;
      let mt;
      while ((mt = re.exec(text)) !== null) {
        if (mt.index < col - 1 || best === -1) best = mt.index;
        if (mt.index >= col - 1) break;
      }
      if (best >= 0) col = best + 1;
    }
    return `${file}:${line}\n${text}\n${' '.repeat(Math.max(0, col - 1))}^\n`;
  }
  // Where the last `throw` statement of a user file ran (vendor/rquickjs-sys/MINI-NODE.md), as
  // node's report shows it, or null; the engine's function is taken once and hidden.
  const engineThrowSite = Error.__mnThrowSite;
  delete Error.__mnThrowSite;
  function throwSite() {
    const at = typeof engineThrowSite === 'function' ? engineThrowSite() : undefined;
    if (!Array.isArray(at)) return null;
    const [file, line] = at;
    let col = at[2];
    if (!isScriptFile(file) || !(file === SCRIPT || file.startsWith('/'))) return null;
    if (line === 1) col = firstLineColumn(col);
    const text = fileLine(file, line);
    if (text === undefined) return null;
    return `${file}:${line}\n${text}\n${' '.repeat(Math.max(0, col - 1))}^\n`;
  }
  // Where node rethrows what a queueMicrotask callback threw: from runMicrotasks() in
  // processTicksAndRejections or runNextTicks, or from V8's checkpoint (no script), by who is
  // draining now (mn.drainState, as drainFrames in errors.js reads it).
  function queuedSite() {
    const state = mn.drainState();
    if (state < 0 || state === 0) return '<anonymous_script>:0\n\n';
    return `node:internal/process/task_queues:${(state & 1) === 1 ? 95 : 60}\n    runMicrotasks();\n    ^\n`;
  }
  // Line n of a user file: the main script, or a required file read again (only for a report).
  function fileLine(file, n) {
    if (file === SCRIPT) return scriptLine(n);
    try {
      return syncOps.readFile(file, 'utf8').split(/\r?\n/)[n - 1];
    } catch (e) {
      return undefined;
    }
  }
  // `queued`: thrown by a queueMicrotask callback, which node rethrows from no script
  function uncaughtReport(err, atThrow, fromPromise, queued) {
    let out = '';
    if (err !== null && typeof err === 'object' && typeof err[kNodeReport] === 'function') {
      // thrown by node's own library (events.js, assert.js): node's site and inspection
      out += err[kNodeReport](fromPromise === true);
    } else if (err !== null && typeof err === 'object' && isError(err)) {
      // errors thrown by node's own module loader point into it
      let ctxText = err.code === 'MODULE_NOT_FOUND' ? 'node:internal/modules/cjs/loader:1210\n  throw err;\n  ^\n' : sourceContext(err, atThrow);
      // an error whose stack names no place of the script: node shows where it rethrows a
      // rejection, or the `throw` statement
      if (!ctxText) ctxText = fromPromise === true ? 'node:internal/process/promises:391\n    triggerUncaughtException(err, true /* fromPromise */);\n    ^\n' : throwSite();
      if (ctxText) out += ctxText + '\n';
      out += inspect(err) + '\n';
    } else {
      // a value that is not an error has no stack: the engine keeps where the last `throw`
      // statement ran (V8's place for it: the `throw` keyword); else a single `throw` in the
      // script is the place
      out += '\n';
      const site = queued === true ? queuedSite() : throwSite();
      if (site !== null) {
        out += site;
      } else {
        const sourceLines = scriptLines();
        const throws = [];
        sourceLines.forEach((t, i) => { const k = t.search(/\bthrow\b/); if (k >= 0) throws.push([i, k]); });
        if (throws.length === 1) {
          const [i, k] = throws[0];
          out += `${SCRIPT}:${i + 1}\n${sourceLines[i]}\n${' '.repeat(k)}^\n`;
        }
      }
      out += (typeof err === 'string' ? err : inspect(err)) + '\n';
      // (node hints at --trace-uncaught for a primitive only)
      if (err === null || (typeof err !== 'object' && typeof err !== 'function')) out += '(Use `node --trace-uncaught ...` to show where the exception was thrown)\n';
    }
    out += `\nNode.js ${process.version}\n`;
    return out;
  }
  // Returns true when the process must die (no 'uncaughtException' listener took it). As node's
  // _fatalException: 'uncaughtExceptionMonitor' first, then 'uncaughtException'; an error thrown
  // by one of their listeners ends the process with its own report and exit code 7.
  function reportUncaught(err, inMicrotask, origin = 'uncaughtException', queued = false) {
    if (err && err.__mnExit) throw err;
    const handled = process.listenerCount('uncaughtException') > 0;
    try {
      if (process.listenerCount('uncaughtExceptionMonitor') > 0) process.emit('uncaughtExceptionMonitor', err, origin);
      if (handled) __emitUncaught(err, origin);
    } catch (e) {
      if (e && e.__mnExit) throw e;
      // node exits at once, without 'exit' listeners
      process._exiting = true;
      die(workerInfo !== null ? '' : uncaughtReport(e, true), 7, e);
      return true;
    }
    if (handled) return false;
    die(workerInfo !== null ? '' : uncaughtReport(err, !inMicrotask, origin === 'unhandledRejection', queued), 1, err);
    return true;
  }
  // The end of the run after an uncaught error: node sets process.exitCode before its 'exit'
  // listeners run, which may still change it, and prints the report after them (never, when one
  // of them calls process.exit): runExit writes it (flushReport).
  // In a worker thread the error itself goes to the parent's 'error' event instead (node's
  // worker prints nothing): `workerFatal` (worker_threads.js).
  let pendingReport = null;
  let pendingError;
  function die(report, code, err) {
    process.exitCode = code;
    pendingReport = report;
    pendingError = err;
    mn.fatal('', code);
  }
  function flushReport() {
    if (pendingReport === null) return;
    if (workerInfo !== null) workerFatal(pendingError);
    else writeOut(2, pendingReport);
    pendingReport = null;
  }
  // The runner of 'uncaughtException' listeners: node's frames in RUNNER_FRAMES (errors.js).
  function __emitUncaught(err, origin) { process.emit('uncaughtException', err, origin); }

  // Unhandled rejections, node's default 'throw' mode (lib/internal/process/promises.js): each
  // rejection without a handler gets an id; one reported unhandled that gets a handler later is
  // announced by 'rejectionHandled', or without a listener by a PromiseRejectionHandledWarning.
  const pendingRejections = new Map();
  const reportedRejections = new WeakMap();
  const lateHandled = [];
  let lastRejectionId = 0;
  function trackRejection(promise, reason, handled) {
    if (!handled) {
      pendingRejections.set(promise, { reason, uid: ++lastRejectionId });
    } else if (!pendingRejections.delete(promise)) {
      const uid = reportedRejections.get(promise);
      if (uid !== undefined) {
        reportedRejections.delete(promise);
        const warning = new Error(`Promise rejection was handled asynchronously (rejection id: ${uid})`);
        warning.name = 'PromiseRejectionHandledWarning';
        lateHandled.push([promise, warning]);
      }
    }
    // node's hasRejectionToWarn (the loop drains through processTicksAndRejections while it holds)
    return pendingRejections.size > 0 || lateHandled.length > 0;
  }
  // The runner of 'unhandledRejection' listeners: node's frames in RUNNER_FRAMES (errors.js).
  function __emitUnhandledRejection(reason, promise) { process.emit('unhandledRejection', reason, promise); }
  function processRejections() {
    while (lateHandled.length > 0) {
      const [promise, warning] = lateHandled.shift();
      if (process.listenerCount('rejectionHandled') > 0) process.emit('rejectionHandled', promise);
      else emitWarning(warning);
    }
    if (pendingRejections.size === 0) return false;
    const list = Array.from(pendingRejections);
    pendingRejections.clear();
    for (const [promise, { reason, uid }] of list) {
      reportedRejections.set(promise, uid);
      if (process.listenerCount('unhandledRejection') > 0) {
        __emitUnhandledRejection(reason, promise);
        continue;
      }
      if (reason !== null && typeof reason === 'object' && isError(reason)) {
        if (reportUncaught(reason, true, 'unhandledRejection')) return true;
        continue;
      }
      let shown;
      try { shown = typeof reason === 'object' && reason !== null ? Object.prototype.toString.call(reason).replace(/^\[object (.*)\]$/, '#<$1>') : String(reason); } catch (e) { shown = '#<Object>'; }
      if (typeof reason === 'string') shown = reason;
      const msg = 'This error originated either by throwing inside of an async function without a catch block, or by rejecting a promise which was not handled with .catch(). The promise rejected with the reason "' + shown + '".';
      if (process.listenerCount('uncaughtException') > 0) {
        // node's UnhandledPromiseRejection error goes to the listeners
        const err = new Error(msg);
        err.name = 'UnhandledPromiseRejection';
        err.code = 'ERR_UNHANDLED_REJECTION';
        if (reportUncaught(err, true, 'unhandledRejection')) return true;
        continue;
      }
      const text = 'node:internal/process/promises:389\n      new UnhandledPromiseRejection(reason);\n      ^\n\n' +
        `UnhandledPromiseRejection: ${msg}\n` +
        '    at throwUnhandledRejectionsMode (node:internal/process/promises:389:7)\n' +
        '    at processPromiseRejections (node:internal/process/promises:470:17)\n' +
        drainFrames('rejections').map((f) => `    at ${f}\n`).join('').replace(/\n$/, " {\n  code: 'ERR_UNHANDLED_REJECTION'\n}\n") +
        `\nNode.js ${process.version}\n`;
      const err = new Error(msg);
      err.name = 'UnhandledPromiseRejection';
      err.code = 'ERR_UNHANDLED_REJECTION';
      die(text, 1, err);
      return true;
    }
    return true;
  }
