// browser.js: the browser model's own JavaScript: what a page's classic <script> sees (window,
// console with the DevTools console's text, timers, requestAnimationFrame, MessageChannel,
// postMessage, queueMicrotask, performance, a simulated user click), and the "Uncaught ..."
// reports. Node's globals (process, require, setImmediate, module, global ...) are deliberately
// absent.
//
// HOW: build.rs joins lib/common.js (call sites, V8's wording of errors, the script's text; shared
// with the Node prelude) and this file, in its BROWSER_LIB order, into one function
// `(mn, global)`, $OUT_DIR/browser.js, which src/eventloop/browser/bridge.rs evaluates under the
// file name `mn.prelude` and calls with the native bridge `mn` and the page's global object. It
// returns the handles the loop calls back (the object at the end of this file). A callback the
// page queues (a timer, a frame, a message, a click, a rejection report) is kept here under an
// integer id; the id alone crosses to Rust.
// WHY: nothing here queues or runs a callback by itself: every timer, message, click and
// animation-frame callback is handed to the Rust scheduler (src/eventloop/browser.rs, with its
// page state in browser/page.rs), which decides when it runs, as the HTML event loop would.
//
// For lib/common.js, this file defines `record` and `isScriptFile`.
// Bridge names (`mn.*`, each *Must* match its entry in PAGE_BRIDGE in
// src/eventloop/browser/bridge.rs; a unit test there checks both ways):
//   filename (the script's path), prelude (this script's own file name in stacks), record (true
//   when the run keeps a trace), source (the script's text, read by common.js), write(stream,
//   text) (stream 1 stdout, 2 stderr), now() (the loop's clock, ms), timerStart(id, delay,
//   repeat, line), timerClear(id), rafRequest(id, line), rafCancel(id), task(id, kind, delay,
//   line), microtask(line), promiseState(p) ([state, value]: 0 pending, 1 fulfilled, 2 rejected;
//   0 for an object that only inherits from Promise).
// Numbers and words shared with Rust: a `line` of 0 means "no line" (the run keeps no trace, or
// the call came from no line of the script); the task kinds 'message', 'click' and 'rejections'
// *Must* match Page::queue_task in browser/page.rs; the handles' names (runTimer, runFrame,
// runTask, reportException, trackRejection, afterCheckpoint) *Must* match `Js` in
// browser/bridge.rs.

  const SCRIPT = mn.filename;
  const PRELUDE = mn.prelude;
  const record = mn.record;
  // Callbacks by integer id live in plain objects: QuickJS hashes integer Map keys slowly.
  const tasks = Object.create(null); // task id -> function, for messages, clicks and rejection reports
  let nextTaskId = 1;

  function isScriptFile(file) { return file === SCRIPT; }

  // ---------------------------------------------------------------- errors in V8's words
  // QuickJS's wording of the common runtime errors, rewritten as V8 (and so Chrome) words them,
  // when the error is created; stacks in V8's form, without this file's frames.
  // The callee of a failed call, from the script's text at the call site: `window.setImmediate`.
  function calleeAt(cs) {
    if (!cs || cs.getFileName() !== SCRIPT) return null;
    const text = scriptLine(cs.getLineNumber());
    if (text === undefined) return null;
    let a = cs.getColumnNumber() - 1;
    // QuickJS counts the first line's columns from 0: step onto the name.
    if (!/[\w$]/.test(text[a] || '')) a++;
    let b = a;
    while (b < text.length && /[\w$]/.test(text[b])) b++;
    while (a > 0 && /[\w$.]/.test(text[a - 1])) a--;
    const callee = text.slice(a, b);
    return /^[A-Za-z_$][\w$]*(\.[A-Za-z_$][\w$]*)*$/.test(callee) ? callee : null;
  }
  // QuickJS says only "not a function": V8 names the callee, read here from the source.
  function v8ify(err, callsites) {
    v8Words(err, [[/^not a function$/, () => {
      const callee = calleeAt(callsites[0]);
      return callee ? `${callee} is not a function` : null;
    }]]);
  }
  Error.prepareStackTrace = (err, callsites) => {
    if (err !== null && typeof err === 'object') {
      try { v8ify(err, callsites); } catch (e) { /* keep QuickJS's words */ }
    }
    const head = isError(err) ? errorHead(err) : String(err);
    const frames = [];
    for (const cs of callsites) {
      const file = cs.getFileName();
      if (!file || file === PRELUDE || (cs.isNative && cs.isNative())) continue;
      const loc = `${file}:${cs.getLineNumber()}:${cs.getColumnNumber()}`;
      const name = cs.getFunctionName();
      frames.push(name && name !== '<eval>' ? `${name} (${loc})` : loc);
    }
    return frames.length ? `${head}\n    at ${frames.join('\n    at ')}` : head;
  };
  Error.stackTraceLimit = 10;

  // ---------------------------------------------------------------- console text
  // The DevTools console's collapsed view of each argument (the rule of
  // tests/golden/browser/record.mjs, which reads the same text out of real Chromium):
  // strings bare at the top level and quoted inside objects, arrays as `(3) [1, 2, 3]`, objects as
  // `{a: 1, b: 'x'}`, nested objects `{…}` and nested arrays `Array(2)`, at most 5 properties
  // (100 array items) before `…`, class instances prefixed with their class name.
  const MAX_PROPS = 5;
  const MAX_ITEMS = 100;
  const identRe = /^[A-Za-z_$][A-Za-z0-9_$]*$/;
  const indexRe = /^(0|[1-9][0-9]*)$/;
  function key(k) {
    if (typeof k === 'symbol') return `[${k.toString()}]`;
    return identRe.test(k) || indexRe.test(k) ? k : `'${k}'`;
  }
  function num(n) { return Object.is(n, -0) ? '-0' : String(n); }
  function className(o) {
    try {
      const p = Object.getPrototypeOf(o);
      if (p === null) return 'Object';
      const c = p.constructor;
      return (typeof c === 'function' && typeof c.name === 'string' && c.name) || 'Object';
    } catch (e) {
      return 'Object';
    }
  }
  function errorHead(e) {
    let name, message;
    try { name = e.name; message = e.message; } catch (x) { /* a hostile getter */ }
    name = name === undefined ? 'Error' : String(name);
    message = message === undefined ? '' : String(message);
    if (!name) return message;
    if (!message) return name;
    return `${name}: ${message}`;
  }
  // A value one level down, inside an object's or array's preview.
  function previewValue(v) {
    switch (typeof v) {
      case 'string': return `'${v}'`;
      case 'number': return num(v);
      case 'bigint': return `${v}n`;
      case 'symbol': return v.toString();
      case 'undefined': return 'undefined';
      case 'boolean': return String(v);
      case 'function': return 'ƒ';
      default: break;
    }
    if (v === null) return 'null';
    if (Array.isArray(v)) return `Array(${v.length})`;
    if (isError(v)) return errorHead(v);
    if (v instanceof Date) return String(v);
    if (v instanceof RegExp) return String(v);
    if (v instanceof Map) return `Map(${v.size})`;
    if (v instanceof Set) return `Set(${v.size})`;
    const cls = className(v);
    return cls === 'Object' ? '{…}' : cls;
  }
  function propertyText(o, k) {
    const d = Object.getOwnPropertyDescriptor(o, k);
    if (d && (d.get || d.set)) return `${key(k)}: (...)`;
    return `${key(k)}: ${previewValue(d ? d.value : o[k])}`;
  }
  function ownKeys(o) {
    const names = Object.keys(o);
    const symbols = Object.getOwnPropertySymbols(o).filter((s) => Object.prototype.propertyIsEnumerable.call(o, s));
    return names.concat(symbols);
  }
  function functionText(f) {
    let src;
    try { src = Function.prototype.toString.call(f); } catch (e) { src = 'function () { [native code] }'; }
    return `ƒ ${src.replace(/^function\s*/, '')}`;
  }
  function errorText(e) {
    const head = errorHead(e);
    const stack = typeof e.stack === 'string' ? e.stack : '';
    const frames = stack.split('\n').filter((l) => /^\s+at /.test(l));
    return frames.length ? `${head}\n${frames.join('\n')}` : head;
  }
  function formatValue(v) {
    switch (typeof v) {
      case 'string': return v;
      case 'number': return num(v);
      case 'bigint': return `${v}n`;
      case 'symbol': return v.toString();
      case 'undefined': return 'undefined';
      case 'boolean': return String(v);
      case 'function': return functionText(v);
      default: break;
    }
    if (v === null) return 'null';
    if (isError(v)) return errorText(v);
    if (Array.isArray(v)) {
      const items = [];
      const n = Math.min(v.length, MAX_ITEMS);
      for (let i = 0; i < n; i++) items.push(i in v ? previewValue(v[i]) : 'empty');
      const extra = Object.keys(v).filter((k) => !indexRe.test(k));
      for (const k of extra.slice(0, MAX_PROPS)) items.push(propertyText(v, k));
      if (v.length > MAX_ITEMS || extra.length > MAX_PROPS) items.push('…');
      if (v.length === 0 && items.length === 0) return '[]';
      return `(${v.length}) [${items.join(', ')}]`;
    }
    if (v instanceof Date) return String(v);
    if (v instanceof RegExp) return String(v);
    if (v instanceof Map) {
      const items = [];
      for (const [k, val] of v) {
        if (items.length === MAX_PROPS) { items.push('…'); break; }
        items.push(`${previewValue(k)} => ${previewValue(val)}`);
      }
      return `Map(${v.size}) {${items.join(', ')}}`;
    }
    if (v instanceof Set) {
      const items = [];
      for (const val of v) {
        if (items.length === MAX_PROPS) { items.push('…'); break; }
        items.push(previewValue(val));
      }
      return `Set(${v.size}) {${items.join(', ')}}`;
    }
    if (v instanceof Promise) {
      const [state, value] = mn.promiseState(v);
      const body = state === 0 ? '<pending>' : state === 1 ? `<fulfilled>: ${previewValue(value)}` : `<rejected>: ${previewValue(value)}`;
      return `Promise {${body}}`;
    }
    const keys = ownKeys(v);
    const items = keys.slice(0, MAX_PROPS).map((k) => propertyText(v, k));
    if (keys.length > MAX_PROPS) items.push('…');
    const body = `{${items.join(', ')}}`;
    const cls = className(v);
    return cls === 'Object' ? body : `${cls} ${body}`;
  }
  // %s %d %i %f %o %O %c in a first string argument, then the other arguments, space-separated.
  function formatArgs(args) {
    const out = [];
    let i = 0;
    if (typeof args[0] === 'string' && args[0].includes('%')) {
      i = 1;
      out.push(args[0].replace(/%([sdifoOc%])/g, (all, d) => {
        if (d === '%') return '%';
        if (i >= args.length) return all;
        const a = args[i++];
        switch (d) {
          case 's': return typeof a === 'string' ? a : formatValue(a);
          case 'd': case 'i': return typeof a === 'number' && Number.isFinite(a) ? String(Math.trunc(a)) : 'NaN';
          case 'f': return typeof a === 'number' ? num(a) : 'NaN';
          case 'c': return '';
          default: return formatValue(a);
        }
      }));
    }
    for (; i < args.length; i++) out.push(formatValue(args[i]));
    return out.join(' ');
  }
  function logTo(stream) {
    return function (...args) { mn.write(stream, formatArgs(args) + '\n'); };
  }
  const counts = new Map();
  const timeLabels = new Map();
  const console = {
    log: logTo(1), info: logTo(1), debug: logTo(1), dir: logTo(1), dirxml: logTo(1), table: logTo(1),
    warn: logTo(2), error: logTo(2),
    trace(...args) { mn.write(2, ['console.trace', ...(args.length ? [formatArgs(args)] : [])].join(' ') + '\n'); },
    assert(ok, ...args) {
      if (ok) return;
      mn.write(2, (args.length ? `Assertion failed: ${formatArgs(args)}` : 'Assertion failed') + '\n');
    },
    count(label = 'default') {
      label = String(label);
      const n = (counts.get(label) || 0) + 1;
      counts.set(label, n);
      mn.write(1, `${label}: ${n}\n`);
    },
    countReset(label = 'default') { counts.delete(String(label)); },
    time(label = 'default') { timeLabels.set(String(label), mn.now()); },
    timeLog(label = 'default', ...args) {
      label = String(label);
      if (!timeLabels.has(label)) return;
      const extra = args.length ? ' ' + formatArgs(args) : '';
      mn.write(1, `${label}: ${mn.now() - timeLabels.get(label)} ms${extra}\n`);
    },
    timeEnd(label = 'default') {
      label = String(label);
      if (!timeLabels.has(label)) return;
      mn.write(1, `${label}: ${mn.now() - timeLabels.get(label)} ms\n`);
      timeLabels.delete(label);
    },
    group: logTo(1), groupCollapsed: logTo(1), groupEnd() {}, clear() {},
  };

  // ---------------------------------------------------------------- errors, as the console says them
  function uncaughtText(e, prefix) {
    return `${prefix} ${isError(e) ? errorHead(e) : formatValue(e)}`;
  }
  function reportException(e) { mn.write(2, uncaughtText(e, 'Uncaught') + '\n'); }

  // Unhandled rejections: after a microtask checkpoint, the ones still unhandled are reported by a
  // task ("notify about rejected promises"), queued behind the tasks already waiting.
  const pendingRejections = new Map(); // promise -> {reason, generation}
  let generation = 0;
  let fresh = false;
  function trackRejection(promise, reason, handled) {
    if (handled) {
      pendingRejections.delete(promise);
    } else {
      pendingRejections.set(promise, { reason, generation });
      fresh = true;
    }
  }
  function afterCheckpoint() {
    if (!fresh) return;
    fresh = false;
    const upTo = generation++;
    const id = nextTaskId++;
    tasks[id] = () => {
      for (const [p, r] of pendingRejections) {
        if (r.generation > upTo) continue;
        pendingRejections.delete(p);
        mn.write(2, uncaughtText(r.reason, 'Uncaught (in promise)') + '\n');
      }
    };
    mn.task(id, 'rejections', 0, 0);
  }

  // ---------------------------------------------------------------- timers
  const timers = Object.create(null); // id -> {fn, args, repeat}
  let nextTimerId = 1;
  function toHandler(handler) {
    if (typeof handler === 'function') return handler;
    const code = String(handler);
    return () => (0, eval)(code);
  }
  function startTimer(handler, timeout, args, repeat) {
    const id = nextTimerId++;
    timers[id] = { fn: toHandler(handler), args, repeat };
    // WebIDL `long`: ToInt32 (NaN, Infinity and non-numbers become 0), then negatives become 0.
    mn.timerStart(id, Math.max(0, Number(timeout) | 0), repeat, callerLine());
    return id;
  }
  function setTimeout(handler, timeout = 0, ...args) { return startTimer(handler, timeout, args, false); }
  function setInterval(handler, timeout = 0, ...args) { return startTimer(handler, timeout, args, true); }
  function clearTimeout(id = 0) {
    id = Number(id) | 0;
    if (id in timers) {
      delete timers[id];
      mn.timerClear(id);
    }
  }
  function runTimer(id) {
    const t = timers[id];
    if (t === undefined) return;
    if (!t.repeat) delete timers[id];
    t.fn.apply(global, t.args);
  }

  // ---------------------------------------------------------------- animation frames
  const rafCallbacks = Object.create(null); // id -> callback
  let nextFrameId = 1;
  function requestAnimationFrame(callback) {
    if (typeof callback !== 'function') {
      throw new TypeError("Failed to execute 'requestAnimationFrame' on 'Window': parameter 1 is not of type 'Function'.");
    }
    const id = nextFrameId++;
    rafCallbacks[id] = callback;
    mn.rafRequest(id, callerLine());
    return id;
  }
  function cancelAnimationFrame(id) {
    id = Number(id) | 0;
    if (id in rafCallbacks) {
      delete rafCallbacks[id];
      mn.rafCancel(id);
    }
  }
  function runFrame(id, timestamp) {
    const f = rafCallbacks[id];
    if (f === undefined) return;
    delete rafCallbacks[id];
    f.call(global, timestamp);
  }

  // ---------------------------------------------------------------- microtasks
  function queueMicrotask(callback) {
    if (typeof callback !== 'function') {
      throw new TypeError("Failed to execute 'queueMicrotask' on 'Window': The callback provided as parameter 1 is not a function.");
    }
    if (record) mn.microtask(callerLine());
    Promise.resolve().then(() => {
      try {
        callback();
      } catch (e) {
        reportException(e);
      }
    });
  }

  // ---------------------------------------------------------------- events and messages
  class Event {
    constructor(type, init = {}) {
      this.type = String(type);
      this.bubbles = !!init.bubbles;
      this.cancelable = !!init.cancelable;
      this.target = null;
      this.currentTarget = null;
      this.defaultPrevented = false;
      this.timeStamp = mn.now();
    }
    preventDefault() { if (this.cancelable) this.defaultPrevented = true; }
    stopPropagation() {}
    stopImmediatePropagation() { this._stopped = true; }
  }
  class MessageEvent extends Event {
    constructor(type, init = {}) {
      super(type, init);
      this.data = init.data;
      this.origin = init.origin === undefined ? '' : String(init.origin);
      this.ports = [];
    }
  }
  const listenersOf = new WeakMap();
  // Each listener runs in turn; one that throws is reported and the others still run.
  function dispatch(target, event, handlerProp) {
    event.target = target;
    event.currentTarget = target;
    const own = target[handlerProp];
    const list = (listenersOf.get(target) || []).filter((l) => l.type === event.type);
    const all = (typeof own === 'function' ? [{ fn: own }] : []).concat(list);
    for (const l of all) {
      if (event._stopped) break;
      try {
        if (typeof l.fn === 'function') l.fn.call(target, event);
        else if (l.fn && typeof l.fn.handleEvent === 'function') l.fn.handleEvent(event);
      } catch (e) {
        reportException(e);
      }
      if (l.once) removeListener(target, l.type, l.fn);
    }
    return !event.defaultPrevented;
  }
  function addListener(target, type, fn, options) {
    if (fn == null) return;
    const list = listenersOf.get(target) || [];
    if (list.some((l) => l.type === type && l.fn === fn)) return;
    list.push({ type: String(type), fn, once: !!(options && typeof options === 'object' && options.once) });
    listenersOf.set(target, list);
  }
  function removeListener(target, type, fn) {
    const list = listenersOf.get(target);
    if (!list) return;
    const i = list.findIndex((l) => l.type === type && l.fn === fn);
    if (i >= 0) list.splice(i, 1);
  }
  class EventTarget {
    addEventListener(type, fn, options) { addListener(this, type, fn, options); }
    removeEventListener(type, fn) { removeListener(this, type, fn); }
    dispatchEvent(event) { return dispatch(this, event, 'on' + event.type); }
  }

  // The structured clone algorithm, for the common values.
  function dataCloneError(v) {
    const e = new Error(`Failed to execute 'postMessage': ${typeof v === 'function' ? v.toString() : String(v)} could not be cloned.`);
    e.name = 'DataCloneError';
    return e;
  }
  function structuredClone(v, seen = new Map()) {
    if (typeof v === 'function' || typeof v === 'symbol') throw dataCloneError(v);
    if (v === null || typeof v !== 'object') return v;
    if (seen.has(v)) return seen.get(v);
    let out;
    if (Array.isArray(v)) {
      out = new Array(v.length);
      seen.set(v, out);
      for (let i = 0; i < v.length; i++) if (i in v) out[i] = structuredClone(v[i], seen);
    } else if (v instanceof Date) {
      out = new Date(v.getTime());
    } else if (v instanceof RegExp) {
      out = new RegExp(v.source, v.flags);
    } else if (v instanceof Map) {
      out = new Map();
      seen.set(v, out);
      for (const [k, x] of v) out.set(structuredClone(k, seen), structuredClone(x, seen));
    } else if (v instanceof Set) {
      out = new Set();
      seen.set(v, out);
      for (const x of v) out.add(structuredClone(x, seen));
    } else if (v instanceof ArrayBuffer) {
      out = v.slice(0);
    } else if (ArrayBuffer.isView(v)) {
      out = new v.constructor(v);
    } else if (isError(v)) {
      out = new Error(v.message);
      out.name = v.name;
    } else {
      out = {};
      seen.set(v, out);
      for (const k of Object.keys(v)) out[k] = structuredClone(v[k], seen);
    }
    seen.set(v, out);
    return out;
  }

  // Queue a task that runs `fn` (a message, a click, a rejection report).
  function queueTask(kind, fn, delay, line) {
    const id = nextTaskId++;
    tasks[id] = fn;
    mn.task(id, kind, delay, line);
    return id;
  }
  function runTask(id) {
    const f = tasks[id];
    delete tasks[id];
    if (f !== undefined) f();
  }

  // A port delivers its messages one per task, like Chromium's message pipes: posting to a port
  // with nothing scheduled queues a delivery task; after each delivery (and whatever its handler
  // queued), a port with more messages waiting queues the next one.
  const portState = new WeakMap();
  function scheduleDelivery(port) {
    const s = portState.get(port);
    if (s.scheduled || !s.started || s.closed || s.pending.length === 0) return;
    s.scheduled = true;
    queueTask('message', () => {
      s.scheduled = false;
      const data = s.pending.shift();
      if (s.closed) return;
      try {
        dispatch(port, new MessageEvent('message', { data: data[0] }), 'onmessage');
      } finally {
        scheduleDelivery(port);
      }
    }, 0, s.pending[0][1]);
  }
  class MessagePort extends EventTarget {
    constructor() {
      super();
      portState.set(this, { other: null, started: false, closed: false, scheduled: false, pending: [], onmessage: null });
    }
    get onmessage() { return portState.get(this).onmessage; }
    set onmessage(f) {
      portState.get(this).onmessage = typeof f === 'function' ? f : null;
      this.start();
    }
    postMessage(message) {
      const s = portState.get(this);
      const data = structuredClone(message);
      if (s.closed || !s.other) return;
      const target = s.other;
      portState.get(target).pending.push([data, callerLine()]);
      scheduleDelivery(target);
    }
    start() {
      const s = portState.get(this);
      if (s.started) return;
      s.started = true;
      scheduleDelivery(this);
    }
    close() {
      const s = portState.get(this);
      s.closed = true;
      if (s.other) portState.get(s.other).other = null;
      s.other = null;
    }
  }
  class MessageChannel {
    constructor() {
      const port1 = new MessagePort();
      const port2 = new MessagePort();
      portState.get(port1).other = port2;
      portState.get(port2).other = port1;
      Object.defineProperty(this, 'port1', { value: port1, enumerable: true });
      Object.defineProperty(this, 'port2', { value: port2, enumerable: true });
    }
  }

  // window.postMessage(message, targetOrigin): a 'message' event on the window, as a task.
  function postMessage(message) {
    const data = structuredClone(message);
    queueTask('message', () => {
      dispatch(global, new MessageEvent('message', { data, origin: 'null' }), 'onmessage');
    }, 0, callerLine());
  }

  // A simulated user click: a task from the user-interaction task source, `delay` ms from now.
  // It calls `handler` (if given) and the window's 'click' listeners with a click event.
  function __click(handler, delay = 0) {
    if (handler !== undefined && handler !== null && typeof handler !== 'function') {
      throw new TypeError('__click(handler, delay): handler must be a function');
    }
    const ms = Math.max(0, Number(delay) | 0);
    return queueTask('click', () => {
      const event = new Event('click', { bubbles: true, cancelable: true });
      Object.defineProperty(event, 'isTrusted', { value: true, enumerable: true });
      if (handler) {
        event.target = global;
        event.currentTarget = global;
        try {
          handler.call(global, event);
        } catch (e) {
          reportException(e);
        }
      }
      dispatch(global, event, 'onclick');
    }, ms, callerLine());
  }

  // ---------------------------------------------------------------- globals
  const performance = loopClockPerformance();
  const defs = {
    window: global, self: global,
    console, performance,
    setTimeout, setInterval, clearTimeout, clearInterval: clearTimeout,
    requestAnimationFrame, cancelAnimationFrame, queueMicrotask,
    structuredClone: (v) => structuredClone(v),
    reportError: reportException,
    Event, MessageEvent, EventTarget, MessagePort, MessageChannel,
    postMessage, __click,
    addEventListener: (type, fn, options) => addListener(global, type, fn, options),
    removeEventListener: (type, fn) => removeListener(global, type, fn),
    dispatchEvent: (event) => dispatch(global, event, 'on' + event.type),
    onmessage: null, onclick: null,
  };
  for (const k of Object.keys(defs)) {
    Object.defineProperty(global, k, { value: defs[k], writable: true, configurable: true, enumerable: false });
  }

  // The scheduler's handles on this side.
  return { runTimer, runFrame, runTask, reportException, trackRejection, afterCheckpoint };
