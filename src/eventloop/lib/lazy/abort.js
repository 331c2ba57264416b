// lazy/abort.js: the code of lib/abort.js that runs on first use (see that file for what and how).
//
// LAZY: not part of the prelude. host/lazy.rs embeds this file (`mn.lazySource('abort')`);
// `abortLib()` in lib/abort.js compiles it on first use, as one CommonJS body whose `exports`
// argument carries the prelude's names it needs, and whose `module.exports` is what it makes.
// WHY lazy: a script that does not use it does not pay for reading this code at startup.
//
// Shared with Rust: the name `abort` *Must* match its line in LAZY in src/eventloop/host/lazy.rs.
// Bridge names: none; `now` is mn.now, handed in by lib/abort.js.
'use strict';
const { now, inspect, invalidArgType, kInspectCustom, nextTick, nodeError, outOfRange } = exports;

// Sets an event's target as dispatch starts; returns whether a listener stopped it.
let dispatching;
class Event {
  #type; #target = null; #stopped = false; #defaultPrevented = false;
  constructor(type, options = {}) {
    if (arguments.length === 0) throw nodeError(TypeError, 'ERR_MISSING_ARGS', 'The "type" argument must be specified');
    this.#type = String(type);
    this.cancelable = !!(options && options.cancelable);
    this.bubbles = !!(options && options.bubbles);
    this.timeStamp = now();
  }
  get type() { return this.#type; }
  get target() { return this.#target; }
  get currentTarget() { return this.#target; }
  get srcElement() { return this.#target; }
  get defaultPrevented() { return this.#defaultPrevented; }
  get isTrusted() { return trustedEvents.has(this); }
  preventDefault() { if (this.cancelable) this.#defaultPrevented = true; }
  stopImmediatePropagation() { this.#stopped = true; }
  stopPropagation() {}
  composedPath() { return this.#target ? [this.#target] : []; }
  static { dispatching = (e, target) => { e.#target = target; return () => e.#stopped; }; }
}
const trustedEvents = new WeakSet();
const eventListeners = new WeakMap();
class EventTarget {
  addEventListener(type, listener, options) {
    if (listener === null || listener === undefined) return;
    const once = typeof options === 'object' && options !== null && !!options.once;
    const signal = typeof options === 'object' && options !== null ? options.signal : undefined;
    if (signal && signal.aborted) return;
    if (!eventListeners.has(this)) eventListeners.set(this, []);
    const list = eventListeners.get(this);
    if (list.some((l) => l.type === type && l.listener === listener)) return;
    const entry = { type: String(type), listener, once };
    list.push(entry);
    if (signal) signal.addEventListener('abort', () => this.removeEventListener(type, listener), { once: true });
  }
  removeEventListener(type, listener) {
    const list = eventListeners.get(this);
    if (!list) return;
    const i = list.findIndex((l) => l.type === String(type) && l.listener === listener);
    if (i >= 0) { list[i].removed = true; list.splice(i, 1); }
  }
  dispatchEvent(event) {
    if (!(event instanceof Event)) throw invalidArgType('event', 'an instance of Event', event);
    const stopped = dispatching(event, this);
    for (const entry of (eventListeners.get(this) || []).slice()) {
      if (entry.removed || entry.type !== event.type) continue;
      if (entry.once) this.removeEventListener(entry.type, entry.listener);
      const l = entry.listener;
      const fn = typeof l === 'function' ? l : l && typeof l.handleEvent === 'function' ? l.handleEvent.bind(l) : null;
      if (fn === null) continue;
      try { fn.call(this, event); } catch (err) { nextTick(() => { throw err; }); }
      if (stopped()) break;
    }
    return !event.defaultPrevented;
  }
}
// An `on<type>` property: a listener slot that keeps its place in the list.
function eventHandlerProperty(proto, type) {
  const handlers = new WeakMap();
  Object.defineProperty(proto, 'on' + type, {
    get() { const h = handlers.get(this); return h ? h.fn : null; },
    set(fn) {
      let h = handlers.get(this);
      if (!h) {
        h = { fn: null };
        handlers.set(this, h);
        this.addEventListener(type, function (e) { if (typeof h.fn === 'function') return h.fn.call(this, e); });
      }
      h.fn = typeof fn === 'function' ? fn : null;
    },
    configurable: true, enumerable: true,
  });
}

// ---------------------------------------------------------------- AbortController / AbortSignal
function customInspect(self, obj, depth, opts = {}) {
  if (depth < 0) return self;
  const inner = Object.assign({}, opts, { depth: opts.depth === null || opts.depth === undefined ? opts.depth : opts.depth - 1 });
  return `${self.constructor.name} ${inspect(obj, inner)}`;
}
let makingSignal = false;
const signalState = new WeakMap();
function newSignal() { makingSignal = true; try { return new AbortSignal(); } finally { makingSignal = false; } }
function abortSignal(signal, reason) {
  const st = signalState.get(signal);
  if (st.aborted) return;
  st.aborted = true;
  st.reason = reason === undefined ? new DOMException('This operation was aborted', 'AbortError') : reason;
  const e = new Event('abort');
  trustedEvents.add(e);
  signal.dispatchEvent(e);
}
class AbortSignal extends EventTarget {
  constructor() {
    if (!makingSignal) throw nodeError(TypeError, 'ERR_ILLEGAL_CONSTRUCTOR', 'Illegal constructor');
    super();
    signalState.set(this, { aborted: false, reason: undefined });
  }
  get aborted() { return signalState.get(this).aborted; }
  get reason() { return signalState.get(this).reason; }
  throwIfAborted() { const st = signalState.get(this); if (st.aborted) throw st.reason; }
  static abort(reason) { const s = newSignal(); abortSignal(s, reason); return s; }
  static timeout(ms) {
    if (typeof ms !== 'number') throw invalidArgType('delay', 'number', ms);
    if (!(ms >= 0 && ms <= Number.MAX_SAFE_INTEGER) || !Number.isInteger(ms)) throw outOfRange('delay', `an integer >= 0 && <= ${Number.MAX_SAFE_INTEGER}`, ms);
    const s = newSignal();
    setTimeout(() => abortSignal(s, new DOMException('The operation was aborted due to timeout', 'TimeoutError')), ms).unref();
    return s;
  }
  static any(signals) {
    const s = newSignal();
    const list = Array.from(signals);
    const done = list.find((x) => x.aborted);
    if (done) { abortSignal(s, done.reason); return s; }
    for (const x of list) x.addEventListener('abort', () => abortSignal(s, x.reason), { once: true });
    return s;
  }
  get [Symbol.toStringTag]() { return 'AbortSignal'; }
  [kInspectCustom](depth, opts) { return customInspect(this, { aborted: this.aborted }, depth, opts); }
}
eventHandlerProperty(AbortSignal.prototype, 'abort');
class AbortController {
  #signal = newSignal();
  get signal() { return this.#signal; }
  abort(reason) { abortSignal(this.#signal, reason); }
  get [Symbol.toStringTag]() { return 'AbortController'; }
  [kInspectCustom](depth, opts) { return customInspect(this, { signal: this.signal }, depth, opts); }
}
module.exports = { EventTarget, Event, AbortController, AbortSignal };
