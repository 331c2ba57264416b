// timers.js: setTimeout, setInterval, setImmediate and their clear/ref/unref/refresh, the
// Timeout and Immediate objects, and timers/promises.
//
// HOW: a Timeout or Immediate keeps its callback here under an id; `mn.timerStart` and
// `mn.immediate` queue the id with the Rust scheduler, which owns the timer list and the check
// queue and calls runTimer(id) / runImmediate(id) (returned by globals.js) when the loop reaches
// them. The callbacks run through `__runTimer`, `__runTimerArgs` and `__runImmediate`, whose frames
// errors.js prints as node's listOnTimeout / processImmediate.
// WHY: as in node's lib/internal/timers.js the JavaScript objects are only handles: the order
// (timers phase, check phase, 1 ms granularity, unref'd timers not keeping the loop alive) is
// the scheduler's, so the trace shows each step.
//
// Shared with Rust: a timer's kind is a number, 1 setTimeout, 2 setInterval (*Must* match
// kind_name in src/eventloop/host/timers.rs). Bridge names: timerStart, timerClear, timerRef,
// timerActive, immediate, immediateClear, immediateRef, in BRIDGE in src/eventloop/host/bridge.rs.

  // ---------------------------------------------------------------- timers
  const TIMEOUT_MAX = 2 ** 31 - 1;
  class Timeout {
    constructor(callback, after, args, isRepeat) {
      after *= 1;
      if (!(after >= 1 && after <= TIMEOUT_MAX)) {
        if (after > TIMEOUT_MAX) {
          emitWarning(`${after} does not fit into a 32-bit signed integer.\nTimeout duration was set to 1.`, 'TimeoutOverflowWarning');
        }
        after = 1;
      }
      this._idleTimeout = after;
      this._onTimeout = callback;
      this._timerArgs = args;
      this._repeat = isRepeat ? after : null;
      this._destroyed = false;
      this._id = nextId++;
    }
    ref() { if (!this._refed) { this._refed = true; if (!this._destroyed) mn.timerRef(this._id, true); } return this; }
    unref() { if (this._refed) { this._refed = false; if (!this._destroyed) mn.timerRef(this._id, false); } return this; }
    hasRef() { return this._refed; }
    refresh() { if (!this._destroyed) { refreshes++; callbacks.set(this._id, this); mn.timerStart(this._id, this._idleTimeout, 0, this._refed); } return this; }
    close() { clearTimeout(this); return this; }
    // node's async id: ids count timers, immediates, nextTicks and microtasks alike, after the
    // main script's 1
    [Symbol.toPrimitive]() { const asyncId = this._id + 1; timersByPrimitive.set(asyncId, this); return asyncId; }
  }
  Timeout.prototype._refed = true;
  keepShapesOf(new Timeout(() => {}, 1, undefined, false));
  nextId -= 1; // the sample took no id
  const timersByPrimitive = new Map();
  // refresh() calls so far: a timer that fired is active again afterwards only if its callback
  // refreshed some timer, so runTimer asks the loop only then.
  let refreshes = 0;
  // kinds: 1 setTimeout, 2 setInterval (host.rs `kind_name`)
  function setTimeout(cb, after, ...args) {
    if (typeof cb !== 'function') throw invalidArgType('callback', 'function', cb);
    const t = new Timeout(cb, after, args.length ? args : undefined, false);
    callbacks.o[t._id] = t;
    mn.timerStart(t._id, t._idleTimeout, record ? callerLine() : 0, true, 1);
    return t;
  }
  function setInterval(cb, after, ...args) {
    if (typeof cb !== 'function') throw invalidArgType('callback', 'function', cb);
    const t = new Timeout(cb, after, args.length ? args : undefined, true);
    callbacks.o[t._id] = t;
    mn.timerStart(t._id, t._idleTimeout, record ? callerLine() : 0, true, 2);
    return t;
  }
  function clearTimeout(t) {
    // as node's: the timer forgets its callback (inspect shows `_onTimeout: null`)
    if (t && t._onTimeout && t instanceof Timeout) {
      t._onTimeout = null;
      t._idleTimeout = -1;
      if (!t._destroyed) { t._destroyed = true; callbacks.delete(t._id); mn.timerClear(t._id); }
      return;
    }
    if (typeof t === 'number' || typeof t === 'string') {
      const found = timersByPrimitive.get(Number(t));
      if (found) clearTimeout(found);
    }
  }
  function __runTimer(t) { return t._onTimeout(); }
  function __runTimerArgs(t) { return t._onTimeout(...t._timerArgs); }
  function runTimer(id) {
    const t = callbacks.o[id];
    if (t === undefined) return;
    const seen = refreshes;
    try {
      if (t._timerArgs === undefined) __runTimer(t); else __runTimerArgs(t);
    } finally {
      if (t._repeat && t._idleTimeout !== -1 && !t._destroyed) {
        t._idleTimeout = t._repeat;
        mn.timerStart(t._id, t._idleTimeout, 0, t._refed);
      } else if (refreshes === seen || !mn.timerActive(t._id)) {
        t._destroyed = true;
        delete callbacks.o[id];
      }
    }
  }
  class Immediate {
    constructor(cb, args) { this._onImmediate = cb; this._argv = args; this._destroyed = false; this._id = nextId++; }
    ref() { if (!this._refed) { this._refed = true; if (!this._destroyed) mn.immediateRef(this._id, true); } return this; }
    unref() { if (this._refed) { this._refed = false; if (!this._destroyed) mn.immediateRef(this._id, false); } return this; }
    hasRef() { return this._refed; }
  }
  Immediate.prototype._refed = true;
  keepShapesOf(new Immediate(() => {}, undefined));
  nextId -= 1;
  // setImmediate's records in queue order: immItems[immHead..]
  let immItems = [];
  let immHead = 0;
  function setImmediate(cb, ...args) {
    if (typeof cb !== 'function') throw invalidArgType('callback', 'function', cb);
    const im = new Immediate(cb, args.length ? args : undefined);
    immItems.push(im);
    mn.immediate(im._id, record ? callerLine() : 0);
    return im;
  }
  function clearImmediate(im) {
    if (!im || !(im instanceof Immediate) || im._destroyed) return;
    im._destroyed = true;
    mn.immediateClear(im._id);
  }
  function __runImmediate(im) { return im._argv === undefined ? im._onImmediate() : im._onImmediate(...im._argv); }
  function runImmediate(id) {
    // the record with this id; the ones before it were cancelled
    let im;
    while (immHead < immItems.length) {
      const v = immItems[immHead];
      immItems[immHead++] = undefined;
      if (v._id === id) { im = v; break; }
    }
    if (immHead >= 1024 && immHead * 2 >= immItems.length) {
      immItems = immItems.slice(immHead);
      immHead = 0;
    }
    if (im === undefined) return;
    im._destroyed = true;
    __runImmediate(im);
  }


  const timersPromises = {
    setTimeout: (ms, value) => new Promise((resolve) => setTimeout(resolve, ms, value)),
    setImmediate: (value) => new Promise((resolve) => setImmediate(resolve, value)),
    scheduler: { wait: (ms) => new Promise((resolve) => setTimeout(resolve, ms)), yield: () => new Promise((resolve) => setImmediate(resolve)) },
  };
