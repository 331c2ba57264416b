// uncaught.js: ERR_INVALID_ARG_TYPE errors, process warnings, node's report of an uncaught
// exception and of an unhandled rejection.
//
// HOW: the loop model calls `uncaught` / `processRejections` (returned by globals.js) when a
// callback throws or after a microtask checkpoint; without an 'uncaughtException' listener the
// report (the source line with a caret, the inspected error, `Node.js v20...`) goes to
// `mn.fatal(text, code)`, which writes it to stderr and ends the run with that exit code.
// An error thrown by node's own library code (an unhandled 'error' event, a failed assert) carries
// the head of node's report under `kNodeReport` (events.js): node's throw site in its own files.
// Rejections are tracked through `trackRejection`, which the host installs as the engine's
// rejection tracker.
// WHY: node's default `--unhandled-rejections=throw` and its uncaught report are what the golden
// tests compare.
//
// Shared with Rust: the exit code 1 of an uncaught error (node's); `trackRejection` *Must* match
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
  let warned = new Set();
  function emitWarning(message, type = 'Warning', code) {
    if (typeof type === 'object' && type !== null) { code = type.code; type = type.type || 'Warning'; }
    const w = message instanceof Error ? message : Object.assign(new Error(message), { name: type });
    if (code !== undefined) w.code = code;
    nextTick(() => {
      if (process.listenerCount('warning') > 0) { process.emit('warning', w); return; }
      const first = !warned.has('trace');
      warned.add('trace');
      const label = w.code ? `[${w.code}] ` : '';
      let text = `(node:${process.pid}) ${label}${w.name}: ${w.message}\n`;
      if (first) text += `(Use \`node ${w.name === 'DeprecationWarning' ? '--trace-deprecation' : '--trace-warnings'} ...\` to show where the warning was created)\n`;
      writeOut(2, text);
    });
  }

  // Node's report of an uncaught exception, as printed on stderr before exiting.
  function sourceContext(err, atThrow) {
    if (err === null || typeof err !== 'object') return null;
    let stack;
    try { stack = err.stack; } catch (e) { return null; }
    if (typeof stack !== 'string') return null;
    const m = stack.split('\n').find((l) => l.includes(SCRIPT + ':'));
    if (!m) return null;
    const at = m.lastIndexOf(SCRIPT + ':');
    const rest = m.slice(at + SCRIPT.length + 1).match(/^(\d+):(\d+)/);
    if (!rest) return null;
    const line = Number(rest[1]);
    let col = Number(rest[2]);
    const text = scriptLine(line);
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
    return `${SCRIPT}:${line}\n${text}\n${' '.repeat(Math.max(0, col - 1))}^\n`;
  }
  function uncaughtReport(err, atThrow, fromPromise) {
    let out = '';
    if (err !== null && typeof err === 'object' && typeof err[kNodeReport] === 'function') {
      // thrown by node's own library (events.js, assert.js): node's site and inspection
      out += err[kNodeReport](fromPromise === true);
    } else if (err !== null && typeof err === 'object' && isError(err)) {
      // errors thrown by node's own module loader point into it
      const ctxText = err.code === 'MODULE_NOT_FOUND' ? 'node:internal/modules/cjs/loader:1210\n  throw err;\n  ^\n' : sourceContext(err, atThrow);
      if (ctxText) out += ctxText + '\n';
      out += inspect(err) + '\n';
    } else {
      // where a non-Error was thrown is unknown; a single `throw` in the script is the place
      const sourceLines = scriptLines();
      const throws = [];
      sourceLines.forEach((t, i) => { const k = t.search(/\bthrow\b/); if (k >= 0) throws.push([i, k]); });
      out += '\n';
      if (throws.length === 1) {
        const [i, k] = throws[0];
        out += `${SCRIPT}:${i + 1}\n${sourceLines[i]}\n${' '.repeat(k)}^\n`;
      }
      out += (typeof err === 'string' ? err : inspect(err)) + '\n(Use `node --trace-uncaught ...` to show where the exception was thrown)\n';
    }
    out += `\nNode.js ${process.version}\n`;
    return out;
  }
  // Returns true when the process must die (no 'uncaughtException' listener took it).
  function reportUncaught(err, inMicrotask) {
    if (err && err.__mnExit) throw err;
    if (process.listenerCount('uncaughtException') > 0) {
      process.emit('uncaughtException', err, 'uncaughtException');
      return false;
    }
    mn.fatal(uncaughtReport(err, !inMicrotask), 1);
    return true;
  }

  // Unhandled rejections, node's default 'throw' mode.
  const pendingRejections = new Map();
  function trackRejection(promise, reason, handled) {
    if (handled) pendingRejections.delete(promise);
    else pendingRejections.set(promise, reason);
  }
  function processRejections() {
    if (pendingRejections.size === 0) return false;
    const list = Array.from(pendingRejections);
    pendingRejections.clear();
    for (const [promise, reason] of list) {
      if (process.listenerCount('unhandledRejection') > 0) {
        process.emit('unhandledRejection', reason, promise);
        continue;
      }
      if (reason !== null && typeof reason === 'object' && isError(reason)) {
        if (process.listenerCount('uncaughtException') > 0) { process.emit('uncaughtException', reason, 'unhandledRejection'); continue; }
        mn.fatal(uncaughtReport(reason, false, true), 1);
        return true;
      }
      let shown;
      try { shown = typeof reason === 'object' && reason !== null ? Object.prototype.toString.call(reason).replace(/^\[object (.*)\]$/, '#<$1>') : String(reason); } catch (e) { shown = '#<Object>'; }
      if (typeof reason === 'string') shown = reason;
      const msg = 'This error originated either by throwing inside of an async function without a catch block, or by rejecting a promise which was not handled with .catch(). The promise rejected with the reason "' + shown + '".';
      const text = 'node:internal/process/promises:389\n      new UnhandledPromiseRejection(reason);\n      ^\n\n' +
        `UnhandledPromiseRejection: ${msg}\n` +
        '    at throwUnhandledRejectionsMode (node:internal/process/promises:389:7)\n' +
        '    at processPromiseRejections (node:internal/process/promises:470:17)\n' +
        "    at process.processTicksAndRejections (node:internal/process/task_queues:96:32) {\n  code: 'ERR_UNHANDLED_REJECTION'\n}\n" +
        `\nNode.js ${process.version}\n`;
      mn.fatal(text, 1);
      return true;
    }
    return true;
  }
