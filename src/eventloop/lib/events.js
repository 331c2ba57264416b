// events.js: EventEmitter (require('events')), also the base of `process`.
//
// HOW: listeners in arrays per event name; `once` wraps the listener; 'error' with no listener
// throws, as node does.
// WHY: process ('exit', 'beforeExit', 'uncaughtException') and user snippets need node's semantics;
// nothing here is asynchronous, so it needs no bridge.
//
// Bridge names: none.

  // ---------------------------------------------------------------- events
  class EventEmitter {
    constructor() { this._events = Object.create(null); this._maxListeners = undefined; }
    _list(name) { if (!this._events) this._events = Object.create(null); return this._events[name] || (this._events[name] = []); }
    on(name, fn) { if (this._events && this._events.newListener && name !== 'newListener') this.emit('newListener', name, fn); this._list(name).push(fn); return this; }
    addListener(name, fn) { return this.on(name, fn); }
    prependListener(name, fn) { this._list(name).unshift(fn); return this; }
    once(name, fn) {
      const self = this;
      function wrapper(...args) { self.removeListener(name, wrapper); return fn.apply(this, args); }
      wrapper.listener = fn;
      return this.on(name, wrapper);
    }
    off(name, fn) { return this.removeListener(name, fn); }
    removeListener(name, fn) {
      const l = this._events && this._events[name];
      if (!l) return this;
      const i = l.findIndex((f) => f === fn || f.listener === fn);
      if (i >= 0) l.splice(i, 1);
      if (l.length === 0) delete this._events[name];
      return this;
    }
    removeAllListeners(name) { if (name === undefined) this._events = Object.create(null); else if (this._events) delete this._events[name]; return this; }
    emit(name, ...args) {
      const l = this._events && this._events[name];
      if (!l || l.length === 0) {
        if (name === 'error') {
          const err = args[0];
          if (err instanceof Error) throw err;
          const e = new Error(`Unhandled error. (${inspect(err)})`);
          e.code = 'ERR_UNHANDLED_ERROR';
          e.context = err;
          throw e;
        }
        return false;
      }
      for (const f of l.slice()) f.apply(this, args);
      return true;
    }
    listenerCount(name) { const l = this._events && this._events[name]; return l ? l.length : 0; }
    listeners(name) { const l = this._events && this._events[name]; return l ? l.map((f) => f.listener || f) : []; }
    rawListeners(name) { const l = this._events && this._events[name]; return l ? l.slice() : []; }
    eventNames() { return this._events ? Reflect.ownKeys(this._events) : []; }
    setMaxListeners(n) { this._maxListeners = n; return this; }
    getMaxListeners() { return this._maxListeners === undefined ? 10 : this._maxListeners; }
  }
  EventEmitter.EventEmitter = EventEmitter;
  EventEmitter.defaultMaxListeners = 10;
  EventEmitter.once = function (emitter, name) {
    return new Promise((resolve) => emitter.once(name, (...args) => resolve(args)));
  };
