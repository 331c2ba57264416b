// events.js: EventEmitter (require('events')), also the base of `process`.
//
// HOW: a port of node's lib/events.js: `_events` is a null-prototype object holding one listener
// as a function and several as an array (as node's, so console.log of an emitter matches);
// 'newListener' / 'removeListener' events, `once` wrappers (`bound onceWrapper` with
// `.listener`), MaxListenersExceededWarning through process.emitWarning, events.errorMonitor,
// captureRejections (a listener's rejected promise becomes an 'error' event, or a call of
// `[Symbol.for('nodejs.rejection')]`), events.once (an async function, as node's, rejecting on
// 'error'). An 'error' with no listener throws the value (an Error) or ERR_UNHANDLED_ERROR (anything
// else), and carries the start of node's fatal report under `kNodeReport` (node's own throw site in
// node:events, the "Emitted 'error' event at:" stack), which uncaught.js prints.
// WHY: process ('exit', 'beforeExit', 'uncaughtException') and user snippets need node's semantics;
// nothing here is asynchronous except captureRejections (a nextTick, as node's), so it needs no bridge.
//
// Not provided (each throws an error naming it): events.on (the async iterator),
// EventEmitterAsyncResource, addAbortListener, EventTarget listeners in getEventListeners.
// Bridge names: none.

  // ---------------------------------------------------------------- events
  // An error thrown by node's own library code carries, under this key, a function returning
  // the head of node's fatal report for it (node's throw site and the inspected error); the
  // uncaught report (uncaught.js) prints that instead of the script's line.
  const kNodeReport = Symbol('kNodeReport');
  // node's site line for a throw inside its library: `node:events:502\n<source>\n<caret>\n`, the
  // caret under the statement (or at `col`, 0-based)
  function nodeSite(where, source, col = source.search(/\S/)) {
    return `${where}\n${source}\n${' '.repeat(col)}^\n`;
  }
  function notProvided(what) {
    const e = new Error(`${what} is not provided by mini-node. Run this script with real node instead.`);
    e.code = 'ERR_MINI_NODE_NOT_PROVIDED';
    return e;
  }
  const kCapture = Symbol('kCapture');
  const kShapeMode = Symbol('shapeMode');
  const kErrorMonitor = Symbol('events.errorMonitor');
  const kRejection = Symbol.for('nodejs.rejection');
  let defaultMaxListeners = 10;
  function EventEmitter(opts) {
    EventEmitter.init.call(this, opts);
  }
  EventEmitter.prototype._events = undefined;
  EventEmitter.prototype._eventsCount = 0;
  EventEmitter.prototype._maxListeners = undefined;
  EventEmitter.prototype[kCapture] = false;
  EventEmitter.init = function (opts) {
    if (this._events === undefined || this._events === Object.getPrototypeOf(this)._events) {
      this._events = { __proto__: null };
      this._eventsCount = 0;
      this[kShapeMode] = false;
    } else {
      this[kShapeMode] = true;
    }
    this._maxListeners = this._maxListeners || undefined;
    if (opts && opts.captureRejections) {
      if (typeof opts.captureRejections !== 'boolean') throw invalidArgType('options.captureRejections', 'boolean', opts.captureRejections);
      this[kCapture] = Boolean(opts.captureRejections);
    } else {
      this[kCapture] = EventEmitter.prototype[kCapture];
    }
  };
  function checkListener(listener) {
    if (typeof listener !== 'function') throw invalidArgType('listener', 'function', listener);
  }
  function eventsOutOfRange(name, range, value) {
    const e = new RangeError(`The value of "${name}" is out of range. It must be ${range}. Received ${inspect(value)}`);
    e.code = 'ERR_OUT_OF_RANGE';
    return e;
  }
  // node's validateNumber(n, name, 0)
  function validateCount(n, name) {
    if (typeof n !== 'number') throw invalidArgType(name, 'number', n);
    if (n < 0 || Number.isNaN(n)) throw eventsOutOfRange(name, '>= 0', n);
  }
  function getMaxListeners(that) {
    return that._maxListeners === undefined ? defaultMaxListeners : that._maxListeners;
  }
  function addCatch(that, promise, type, args) {
    if (!that[kCapture]) return;
    try {
      const then = promise.then;
      if (typeof then === 'function') {
        then.call(promise, undefined, (err) => nextTick(emitUnhandledRejectionOrErr, that, err, type, args));
      }
    } catch (err) {
      that.emit('error', err);
    }
  }
  function emitUnhandledRejectionOrErr(ee, err, type, args) {
    if (typeof ee[kRejection] === 'function') {
      ee[kRejection](err, type, ...args);
    } else {
      const prev = ee[kCapture];
      try {
        ee[kCapture] = false;
        ee.emit('error', err);
      } finally {
        ee[kCapture] = prev;
      }
    }
  }
  // The stack of the emit call, as node prints it after "Emitted 'error' event at:", with the
  // frames it shares with the error's own stack folded.
  function enhanceStackTrace(that, err, ownStack) {
    let ctorInfo = '';
    try {
      const name = that.constructor.name;
      if (name !== 'EventEmitter') ctorInfo = ` on ${name} instance`;
    } catch (e) { /* as node: continue */ }
    const sep = `\nEmitted 'error' event${ctorInfo} at:\n`;
    const errStack = String(err.stack).split('\n').slice(1);
    const own = ownStack.split('\n').slice(1);
    const { len, offset } = identicalSequenceRange(own, errStack);
    if (len > 0) own.splice(offset + 1, len - 2, '    [... lines matching original stack trace ...]');
    return err.stack + sep + own.join('\n');
  }
  function identicalSequenceRange(a, b) {
    for (let i = 0; i < a.length - 3; i++) {
      const pos = b.indexOf(a[i]);
      if (pos !== -1) {
        const rest = b.length - pos;
        if (rest > 3) {
          let len = 1;
          const maxLen = Math.min(a.length - i, rest);
          while (maxLen > len && a[i + len] === b[pos + len]) len++;
          if (len > 3) return { len, offset: i };
        }
      }
    }
    return { len: 0, offset: 0 };
  }
  // the head of node's fatal report: its throw site, then the error inspected as node's report
  // does. Rejected from a promise, node shows where the error was made instead: the script's line
  // for the user's error (siteInPromise null), its own line for the error it made.
  function fatalReportOf(err, site, siteInPromise, stack) {
    return function (fromPromise) {
      let head = site;
      if (fromPromise) head = siteInPromise !== null ? siteInPromise : sourceContext(err, false) || '';
      if (stack !== undefined) {
        try { err.stack = stack(); } catch (e) { /* keep the stack */ }
      }
      return (head ? head + '\n' : '') + inspect(err, { depth: 5 }) + '\n';
    };
  }
  function unhandledError(that, args) {
    const er = args.length > 0 ? args[0] : undefined;
    if (er instanceof Error) {
      try {
        const capture = {};
        Error.captureStackTrace(capture);
        Object.defineProperty(er, kNodeReport, {
          value: fatalReportOf(er, nodeSite('node:events:502', "      throw er; // Unhandled 'error' event"), null, () => enhanceStackTrace(that, er, capture.stack)),
          configurable: true,
        });
      } catch (e) { /* as node: continue */ }
      return er;
    }
    let stringified;
    try { stringified = inspect(er); } catch (e) { stringified = er; }
    const err = new Error(`Unhandled error. (${stringified})`);
    err.code = 'ERR_UNHANDLED_ERROR';
    // node's stack names its own frame, the emit call, under the emitter's type
    const lines = String(err.stack).split('\n');
    lines[0] = `Error [ERR_UNHANDLED_ERROR]: ${err.message}`;
    lines.splice(1, 0, `    at ${typeNameOf(that)}.emit (node:events:513:17)`);
    err.stack = lines.slice(0, 1 + (typeof Error.stackTraceLimit === 'number' ? Error.stackTraceLimit : 10)).join('\n');
    err.context = er;
    Object.defineProperty(err, kNodeReport, {
      value: fatalReportOf(err, nodeSite('node:events:515', "    throw err; // Unhandled 'error' event"),
        nodeSite('node:events:513', '    const err = new ERR_UNHANDLED_ERROR(stringifiedEr);', 16)),
      configurable: true,
    });
    return err;
  }
  function addListener(target, type, listener, prepend) {
    checkListener(listener);
    let events = target._events;
    let existing;
    if (events === undefined) {
      events = target._events = { __proto__: null };
      target._eventsCount = 0;
    } else {
      if (events.newListener !== undefined) {
        target.emit('newListener', type, listener.listener ? listener.listener : listener);
        events = target._events;
      }
      existing = events[type];
    }
    if (existing === undefined) {
      events[type] = listener;
      ++target._eventsCount;
    } else {
      if (typeof existing === 'function') {
        existing = events[type] = prepend ? [listener, existing] : [existing, listener];
      } else if (prepend) {
        existing.unshift(listener);
      } else {
        existing.push(listener);
      }
      const m = getMaxListeners(target);
      if (m > 0 && existing.length > m && !existing.warned) {
        existing.warned = true;
        const w = new Error(`Possible EventEmitter memory leak detected. ${existing.length} ${String(type)} listeners ` +
          `added to ${inspect(target, { depth: -1 })}. MaxListeners is ${m}. Use emitter.setMaxListeners() to increase limit`);
        w.name = 'MaxListenersExceededWarning';
        w.emitter = target;
        w.type = type;
        w.count = existing.length;
        process.emitWarning(w);
      }
    }
    return target;
  }
  // (node calls a once listener on one line without arguments and on the next with them: the
  // first is onceCall here, so that stack traces can tell them apart; LIBRARY_FRAMES, errors.js)
  function onceWrapper(...args) {
    if (!this.fired) {
      this.target.removeListener(this.type, this.wrapFn);
      this.fired = true;
      if (args.length === 0) return onceCall(this);
      return this.listener.apply(this.target, args);
    }
  }
  function onceCall(state) { return state.listener.call(state.target); }
  function onceWrap(target, type, listener) {
    const state = { fired: false, wrapFn: undefined, target, type, listener };
    const wrapped = onceWrapper.bind(state);
    wrapped.listener = listener;
    state.wrapFn = wrapped;
    return wrapped;
  }
  // emit with several listeners (node calls them on another line than a single one, which
  // stack traces show: LIBRARY_FRAMES, errors.js)
  function emitEach(target, handler, type, args) {
    const len = handler.length;
    const listeners = handler.slice();
    for (let i = 0; i < len; ++i) {
      const result = listeners[i].apply(target, args);
      if (result !== undefined && result !== null) addCatch(target, result, type, args);
    }
  }
  function listenersOf(target, type, unwrap) {
    const events = target._events;
    if (events === undefined) return [];
    const l = events[type];
    if (l === undefined) return [];
    if (typeof l === 'function') return unwrap ? [l.listener || l] : [l];
    return unwrap ? l.map((f) => f.listener || f) : l.slice();
  }
  const eventsMethods = {
    setMaxListeners(n) {
      validateCount(n, 'setMaxListeners');
      this._maxListeners = n;
      return this;
    },
    getMaxListeners() { return getMaxListeners(this); },
    emit(type, ...args) {
      let doError = type === 'error';
      const events = this._events;
      if (events !== undefined) {
        if (doError && events[kErrorMonitor] !== undefined) this.emit(kErrorMonitor, ...args);
        doError = doError && events.error === undefined;
      } else if (!doError) {
        return false;
      }
      if (doError) throw unhandledError(this, args);
      const handler = events[type];
      if (handler === undefined) return false;
      if (typeof handler === 'function') {
        const result = handler.apply(this, args);
        if (result !== undefined && result !== null) addCatch(this, result, type, args);
      } else {
        emitEach(this, handler, type, args);
      }
      return true;
    },
    addListener(type, listener) { return addListener(this, type, listener, false); },
    on(type, listener) { return addListener(this, type, listener, false); },
    prependListener(type, listener) { return addListener(this, type, listener, true); },
    once(type, listener) {
      checkListener(listener);
      this.on(type, onceWrap(this, type, listener));
      return this;
    },
    prependOnceListener(type, listener) {
      checkListener(listener);
      this.prependListener(type, onceWrap(this, type, listener));
      return this;
    },
    removeListener(type, listener) {
      checkListener(listener);
      const events = this._events;
      if (events === undefined) return this;
      const list = events[type];
      if (list === undefined) return this;
      if (list === listener || list.listener === listener) {
        this._eventsCount -= 1;
        if (this[kShapeMode]) {
          events[type] = undefined;
        } else if (this._eventsCount === 0) {
          this._events = { __proto__: null };
        } else {
          delete events[type];
          if (events.removeListener) this.emit('removeListener', type, list.listener || listener);
        }
      } else if (typeof list !== 'function') {
        let position = -1;
        for (let i = list.length - 1; i >= 0; i--) {
          if (list[i] === listener || list[i].listener === listener) { position = i; break; }
        }
        if (position < 0) return this;
        if (position === 0) list.shift();
        else list.splice(position, 1);
        if (list.length === 1) events[type] = list[0];
        if (events.removeListener !== undefined) this.emit('removeListener', type, listener);
      }
      return this;
    },
    off(type, listener) { return this.removeListener(type, listener); },
    removeAllListeners(type) {
      const events = this._events;
      if (events === undefined) return this;
      if (events.removeListener === undefined) {
        if (arguments.length === 0) {
          this._events = { __proto__: null };
          this._eventsCount = 0;
        } else if (events[type] !== undefined) {
          if (--this._eventsCount === 0) this._events = { __proto__: null };
          else delete events[type];
        }
        this[kShapeMode] = false;
        return this;
      }
      if (arguments.length === 0) {
        for (const key of Reflect.ownKeys(events)) {
          if (key === 'removeListener') continue;
          this.removeAllListeners(key);
        }
        this.removeAllListeners('removeListener');
        this._events = { __proto__: null };
        this._eventsCount = 0;
        this[kShapeMode] = false;
        return this;
      }
      const listeners = events[type];
      if (typeof listeners === 'function') {
        this.removeListener(type, listeners);
      } else if (listeners !== undefined) {
        for (let i = listeners.length - 1; i >= 0; i--) this.removeListener(type, listeners[i]);
      }
      return this;
    },
    listeners(type) { return listenersOf(this, type, true); },
    rawListeners(type) { return listenersOf(this, type, false); },
    listenerCount(type, listener) {
      const events = this._events;
      if (events !== undefined) {
        const l = events[type];
        if (typeof l === 'function') return listener != null ? (listener === l || listener === l.listener ? 1 : 0) : 1;
        if (l !== undefined) {
          if (listener == null) return l.length;
          return l.filter((f) => f === listener || f.listener === listener).length;
        }
      }
      return 0;
    },
    eventNames() { return this._eventsCount > 0 ? Reflect.ownKeys(this._events) : []; },
  };
  for (const k of Object.keys(eventsMethods)) {
    Object.defineProperty(EventEmitter.prototype, k, { value: eventsMethods[k], writable: true, configurable: true, enumerable: true });
  }
  EventEmitter.EventEmitter = EventEmitter;
  EventEmitter.usingDomains = false;
  EventEmitter.captureRejectionSymbol = kRejection;
  EventEmitter.errorMonitor = kErrorMonitor;
  Object.defineProperty(EventEmitter, 'captureRejections', {
    get() { return EventEmitter.prototype[kCapture]; },
    set(value) {
      if (typeof value !== 'boolean') throw invalidArgType('EventEmitter.captureRejections', 'boolean', value);
      EventEmitter.prototype[kCapture] = value;
    },
    enumerable: true,
  });
  Object.defineProperty(EventEmitter, 'defaultMaxListeners', {
    get() { return defaultMaxListeners; },
    set(n) {
      validateCount(n, 'defaultMaxListeners');
      defaultMaxListeners = n;
    },
    enumerable: true,
  });
  EventEmitter.listenerCount = (emitter, type) => (typeof emitter.listenerCount === 'function' ? emitter.listenerCount(type) : EventEmitter.prototype.listenerCount.call(emitter, type));
  EventEmitter.getEventListeners = (emitter, type) => {
    if (typeof emitter.listeners === 'function') return emitter.listeners(type);
    throw notProvided('events.getEventListeners of an EventTarget');
  };
  EventEmitter.getMaxListeners = (emitter) => {
    if (typeof emitter.getMaxListeners === 'function') return getMaxListeners(emitter);
    throw notProvided('events.getMaxListeners of an EventTarget');
  };
  EventEmitter.setMaxListeners = (n = defaultMaxListeners, ...targets) => {
    validateCount(n, 'setMaxListeners');
    if (targets.length === 0) { defaultMaxListeners = n; return; }
    for (const t of targets) {
      if (typeof t.setMaxListeners === 'function') t.setMaxListeners(n);
      else throw notProvided('events.setMaxListeners of an EventTarget');
    }
  };
  EventEmitter.once = async function once(emitter, name, options = {}) {
    if (options !== null && typeof options === 'object' && options.signal !== undefined) throw notProvided("events.once's signal option");
    if (typeof emitter.once !== 'function') throw notProvided('events.once on an EventTarget');
    return new Promise((resolve, reject) => {
      const errorListener = (err) => {
        emitter.removeListener(name, resolver);
        reject(err);
      };
      const resolver = (...args) => {
        if (typeof emitter.removeListener === 'function') emitter.removeListener('error', errorListener);
        resolve(args);
      };
      emitter.once(name, resolver);
      if (name !== 'error') emitter.once('error', errorListener);
    });
  };
  EventEmitter.on = function on() { throw notProvided('events.on (the async iterator of events)'); };
  EventEmitter.addAbortListener = function addAbortListener() { throw notProvided('events.addAbortListener'); };
  Object.defineProperty(EventEmitter, 'EventEmitterAsyncResource', {
    get() { throw notProvided('events.EventEmitterAsyncResource'); },
    enumerable: true,
    configurable: true,
  });
