// util.js: require('util'): format, inspect (inspect.js), promisify, callbackify, inherits,
// types, isDeepStrictEqual.
//
// HOW: promisify knows setTimeout and setImmediate (timers/promises, in timers.js), as node's
// util.promisify.custom does; isDeepStrictEqual compares what inspect prints.
// WHY: the common utilities of teaching snippets; nothing here talks to Rust.
//
// Bridge names: none.

  // ---------------------------------------------------------------- util, timers/promises, assert
  function promisify(fn) {
    if (typeof fn !== 'function') throw invalidArgType('original', 'function', fn);
    if (fn === setTimeout) return timersPromises.setTimeout;
    if (fn === setImmediate) return timersPromises.setImmediate;
    return function (...args) {
      return new Promise((resolve, reject) => fn.call(this, ...args, (err, ...values) => (err ? reject(err) : resolve(values[0]))));
    };
  }
  const util = {
    format, inspect, promisify,
    formatWithOptions: (o, ...args) => formatWithOptions(o, args),
    inherits(ctor, superCtor) { Object.setPrototypeOf(ctor.prototype, superCtor.prototype); Object.setPrototypeOf(ctor, superCtor); ctor.super_ = superCtor; },
    isDeepStrictEqual: (a, b) => isDeepEqual(a, b, STRICT),
    types: {
      isPromise: (v) => v instanceof Promise,
      isDate: (v) => v instanceof Date,
      isRegExp: (v) => v instanceof RegExp,
      isNativeError: (v) => v instanceof Error,
      isAsyncFunction: (v) => typeof v === 'function' && getCtorName(v) === 'AsyncFunction',
    },
    deprecate: (fn) => fn,
    callbackify: (fn) => (...args) => { const cb = args.pop(); fn(...args).then((v) => nextTick(cb, null, v), (e) => nextTick(cb, e)); },
  };
  inspect.custom = Symbol.for('nodejs.util.inspect.custom');
