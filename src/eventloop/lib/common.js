// common.js: what the Node model's prelude and the browser model's script share, written once.
//
// HOW: both models run one script per page or process inside a function `(mn, global)` that
// QuickJS compiles under a file name of its own, so the user's script is the only other file in a
// stack. build.rs joins this file into both of them: into the Node prelude (NODE_LIB, after
// callbacks.js) and into the browser model's script (BROWSER_LIB, before src/eventloop/browser.js).
// It declares only functions and constants, so it may sit anywhere in either script.
//
// WHY: the trace of a run names the line of the script that queued each callback, and both models
// print errors in V8's words (node and Chrome share V8), while QuickJS words them its own way and
// builds its own stacks. These functions read QuickJS's call sites (`Error.captureStackTrace` with a
// `prepareStackTrace` returning the raw call sites, which the vendored engine provides) and the
// script's own text.
//
// What the including script must define: `mn` (the native bridge), `record` (mn.record: the run
// keeps a trace) and `isScriptFile(file)` (true for a call site in the user's code, not in the
// host's own script).
// Bridge names used here: `mn.source`, the user's script, and `mn.now`, the loop's clock in ms.
// *Must* match `source` and `now` in BRIDGE in src/eventloop/host/bridge.rs and in PAGE_BRIDGE in
// src/eventloop/browser/bridge.rs.

  // ---------------------------------------------------------------- the loop's clock as globals
  // Date.now on the loop's clock (which jumps when the virtual clock does), from the moment the
  // script started, and the `performance` global on the same clock.
  function loopClockPerformance() {
    const startEpoch = Date.now();
    Date.now = () => Math.floor(startEpoch + mn.now());
    return {
      now: () => mn.now(),
      timeOrigin: startEpoch,
      mark() {}, measure() {},
      toJSON() { return { timeOrigin: startEpoch }; },
    };
  }

  // ---------------------------------------------------------------- the script's text
  let scriptLinesCache = null;
  // The user's script, split in lines once (error reports and call sites read it back).
  function scriptLines() {
    if (scriptLinesCache === null) scriptLinesCache = mn.source.split(/\r?\n/);
    return scriptLinesCache;
  }
  function scriptLine(n) { return scriptLines()[n - 1]; }

  // ---------------------------------------------------------------- where a call came from
  // Line of the script that called into the host (for trace labels); only when events are recorded.
  function callerLine() {
    if (!record) return 0;
    const saved = Error.prepareStackTrace;
    Error.prepareStackTrace = (e, cs) => cs;
    const o = {};
    Error.captureStackTrace(o);
    const cs = o.stack;
    Error.prepareStackTrace = saved;
    if (!Array.isArray(cs)) return 0;
    for (const c of cs) {
      if (isScriptFile(c.getFileName())) return c.getLineNumber() || 0;
    }
    return 0;
  }

  // ---------------------------------------------------------------- errors in V8's words
  function isError(v) { return v instanceof Error || Object.prototype.toString.call(v) === '[object Error]'; }
  // The engine words its own errors as V8 does (vendor/rquickjs-sys/MINI-NODE.md); what is left to
  // rewrite here is what it cannot know: the model's `extra` rules, [QuickJS pattern, V8 text] (a
  // text of null leaves the message as it is). QuickJS's stack overflow (an InternalError) becomes
  // V8's RangeError.
  function v8Words(err, extra) {
    if (err === null || typeof err !== 'object') return;
    const d = Object.getOwnPropertyDescriptor(err, 'message');
    if (!d || typeof d.value !== 'string') return;
    const m = d.value;
    if (m === 'stack overflow' && err.name === 'InternalError') {
      Object.setPrototypeOf(err, RangeError.prototype);
      err.message = 'Maximum call stack size exceeded';
      return;
    }
    for (const [re, f] of extra) {
      const r = m.match(re);
      if (r) {
        const text = f(r);
        if (text !== null) err.message = text;
        return;
      }
    }
  }
