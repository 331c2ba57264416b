// util.js: require('util'): format, inspect (inspect.js), promisify, callbackify, inherits,
// types, isDeepStrictEqual, deprecate.
//
// HOW: promisify follows node's: a function's own `[util.promisify.custom]` wins (setTimeout and
// setImmediate carry timers/promises' forms there, as node's do), otherwise the promisified
// function resolves with the callback's first value and keeps the original's name, length and
// prototype. callbackify calls back on a nextTick (ERR_FALSY_VALUE_REJECTION for a falsy
// rejection). util.types answers from the engine's internal slots (a built-in method that only
// works on its own kind, or Object.prototype.toString's tag), never from a spoofable constructor
// name. isDeepStrictEqual is assert's deep equality (comparisons.js). deprecate warns once per code
// through process.emitWarning.
// WHY: the common utilities of teaching snippets; nothing here talks to Rust.
//
// Not provided (each throws an error naming it): util.types.isProxy and isExternal (an engine's
// internal, not visible to JavaScript here), parseArgs, styleText, MIMEType, getSystemErrorName
// (and the rest named in the loop at the end). util.debuglog prints nothing, as node's does
// without NODE_DEBUG.
// Bridge names: none.

  // ---------------------------------------------------------------- util
  const kCustomPromisify = Symbol.for('nodejs.util.promisify.custom');
  // node's validateFunction: 'The "name" argument ...', or 'The last argument ...'
  function validateFunction(value, name) {
    if (typeof value === 'function') return;
    const e = invalidArgType(name, 'function', value);
    if (name.endsWith(' argument')) e.message = e.message.replace(`The "${name}" argument`, `The ${name}`);
    throw e;
  }
  function copyOwnProperties(target, source, edit) {
    const descriptors = Object.getOwnPropertyDescriptors(source);
    if (edit) edit(descriptors);
    return Object.defineProperties(target, descriptors);
  }
  function promisify(original) {
    validateFunction(original, 'original');
    if (original[kCustomPromisify]) {
      const fn = original[kCustomPromisify];
      validateFunction(fn, 'util.promisify.custom');
      return Object.defineProperty(fn, kCustomPromisify, { value: fn, enumerable: false, writable: false, configurable: true });
    }
    function fn(...args) {
      return new Promise((resolve, reject) => {
        args.push((err, ...values) => (err ? reject(err) : resolve(values[0])));
        Reflect.apply(original, this, args);
      });
    }
    Object.setPrototypeOf(fn, Object.getPrototypeOf(original));
    Object.defineProperty(fn, kCustomPromisify, { value: fn, enumerable: false, writable: false, configurable: true });
    return copyOwnProperties(fn, original);
  }
  promisify.custom = kCustomPromisify;
  Object.defineProperty(setTimeout, kCustomPromisify, { value: timersPromises.setTimeout, enumerable: true, configurable: true, writable: false });
  Object.defineProperty(setImmediate, kCustomPromisify, { value: timersPromises.setImmediate, enumerable: true, configurable: true, writable: false });
  function callbackify(original) {
    validateFunction(original, 'original');
    function callbackified(...args) {
      const maybeCb = args.pop();
      validateFunction(maybeCb, 'last argument');
      const cb = maybeCb.bind(this);
      Reflect.apply(original, this, args).then(
        (ret) => nextTick(cb, null, ret),
        (rej) => nextTick(callbackifyOnRejected, rej, cb));
    }
    return copyOwnProperties(callbackified, original, (d) => {
      if (d.length && typeof d.length.value === 'number') d.length.value++;
      if (d.name && typeof d.name.value === 'string') d.name.value += 'Callbackified';
    });
  }
  function callbackifyOnRejected(reason, cb) {
    if (!reason) {
      const e = new Error('Promise was rejected with falsy value');
      e.code = 'ERR_FALSY_VALUE_REJECTION';
      e.reason = reason;
      reason = e;
    }
    return cb(reason);
  }
  const warnedCodes = new Set();
  function deprecate(fn, msg, code) {
    if (code !== undefined && typeof code !== 'string') throw invalidArgType('code', 'string', code);
    let warned = false;
    function deprecated(...args) {
      if (!warned) {
        warned = true;
        if (code !== undefined) {
          if (!warnedCodes.has(code)) {
            process.emitWarning(msg, 'DeprecationWarning', code);
            warnedCodes.add(code);
          }
        } else {
          process.emitWarning(msg, 'DeprecationWarning');
        }
      }
      if (new.target) return Reflect.construct(fn, args, new.target);
      return Reflect.apply(fn, this, args);
    }
    Object.setPrototypeOf(deprecated, fn);
    if (fn.prototype) deprecated.prototype = fn.prototype;
    return deprecated;
  }
  function inherits(ctor, superCtor) {
    if (ctor === undefined || ctor === null) throw invalidArgType('ctor', 'function', ctor);
    if (superCtor === undefined || superCtor === null) throw invalidArgType('superCtor', 'function', superCtor);
    if (superCtor.prototype === undefined) throw invalidArgType('superCtor.prototype', 'object', superCtor.prototype);
    Object.defineProperty(ctor, 'super_', { value: superCtor, writable: true, configurable: true });
    Object.setPrototypeOf(ctor.prototype, superCtor.prototype);
  }
  // ---- util.types: from internal slots
  // true when `method` accepts `v` as its receiver (it throws for any other kind of value)
  function hasSlot(method, v) {
    if (v === null || (typeof v !== 'object' && typeof v !== 'function')) return false;
    try { method.call(v); return true; } catch (e) { return false; }
  }
  const tagOf = (v) => Object.prototype.toString.call(v);
  const getter = (proto, name) => Object.getOwnPropertyDescriptor(proto, name).get;
  function typedArrayName(v) {
    if (!ArrayBuffer.isView(v)) return undefined;
    return getter(Object.getPrototypeOf(Uint8Array.prototype), Symbol.toStringTag).call(v);
  }
  function fnProto(kind) {
    switch (kind) {
      case 'async': return Object.getPrototypeOf(async function () {});
      case 'gen': return Object.getPrototypeOf(function* () {});
      default: return Object.getPrototypeOf(async function* () {});
    }
  }
  const isTypedArrayOf = (name) => (v) => typedArrayName(v) === name;
  const types = {
    isPromise: (v) => v instanceof Promise && typeof v === 'object',
    isDate: (v) => hasSlot(Date.prototype.getTime, v),
    isRegExp: (v) => v !== RegExp.prototype && hasSlot(getter(RegExp.prototype, 'source'), v),
    isMap: (v) => hasSlot(getter(Map.prototype, 'size'), v),
    isSet: (v) => hasSlot(getter(Set.prototype, 'size'), v),
    isWeakMap: (v) => v !== null && typeof v === 'object' && (() => { try { WeakMap.prototype.has.call(v, {}); return true; } catch (e) { return false; } })(),
    isWeakSet: (v) => v !== null && typeof v === 'object' && (() => { try { WeakSet.prototype.has.call(v, {}); return true; } catch (e) { return false; } })(),
    isAsyncFunction: (v) => typeof v === 'function' && (Object.getPrototypeOf(v) === fnProto('async') || Object.getPrototypeOf(v) === fnProto('asyncgen')),
    isGeneratorFunction: (v) => typeof v === 'function' && (Object.getPrototypeOf(v) === fnProto('gen') || Object.getPrototypeOf(v) === fnProto('asyncgen')),
    isGeneratorObject: (v) => tagOf(v) === '[object Generator]' || tagOf(v) === '[object AsyncGenerator]',
    isTypedArray: (v) => typedArrayName(v) !== undefined,
    isUint8Array: isTypedArrayOf('Uint8Array'),
    isUint8ClampedArray: isTypedArrayOf('Uint8ClampedArray'),
    isUint16Array: isTypedArrayOf('Uint16Array'),
    isUint32Array: isTypedArrayOf('Uint32Array'),
    isInt8Array: isTypedArrayOf('Int8Array'),
    isInt16Array: isTypedArrayOf('Int16Array'),
    isInt32Array: isTypedArrayOf('Int32Array'),
    isFloat32Array: isTypedArrayOf('Float32Array'),
    isFloat64Array: isTypedArrayOf('Float64Array'),
    isBigInt64Array: isTypedArrayOf('BigInt64Array'),
    isBigUint64Array: isTypedArrayOf('BigUint64Array'),
    isArrayBuffer: (v) => hasSlot(getter(ArrayBuffer.prototype, 'byteLength'), v),
    isSharedArrayBuffer: (v) => typeof SharedArrayBuffer === 'function' && hasSlot(getter(SharedArrayBuffer.prototype, 'byteLength'), v),
    isAnyArrayBuffer: (v) => types.isArrayBuffer(v) || types.isSharedArrayBuffer(v),
    isArrayBufferView: (v) => ArrayBuffer.isView(v),
    isDataView: (v) => hasSlot(getter(DataView.prototype, 'byteLength'), v),
    isNativeError: (v) => tagOf(v) === '[object Error]' && v instanceof Error,
    isNumberObject: (v) => typeof v === 'object' && hasSlot(Number.prototype.valueOf, v),
    isStringObject: (v) => typeof v === 'object' && hasSlot(String.prototype.valueOf, v),
    isBooleanObject: (v) => typeof v === 'object' && hasSlot(Boolean.prototype.valueOf, v),
    isBigIntObject: (v) => typeof v === 'object' && hasSlot(BigInt.prototype.valueOf, v),
    isSymbolObject: (v) => typeof v === 'object' && hasSlot(Symbol.prototype.valueOf, v),
    isBoxedPrimitive: (v) => types.isNumberObject(v) || types.isStringObject(v) || types.isBooleanObject(v) || types.isBigIntObject(v) || types.isSymbolObject(v),
    isMapIterator: (v) => tagOf(v) === '[object Map Iterator]',
    isSetIterator: (v) => tagOf(v) === '[object Set Iterator]',
    isArgumentsObject: (v) => tagOf(v) === '[object Arguments]',
    isModuleNamespaceObject: (v) => v !== null && typeof v === 'object' && Object.getPrototypeOf(v) === null && v[Symbol.toStringTag] === 'Module',
    isProxy() { throw notProvided('util.types.isProxy'); },
    isExternal() { throw notProvided('util.types.isExternal'); },
    isKeyObject: () => false,
    isCryptoKey: () => false,
    isWeakRef: (v) => typeof WeakRef === 'function' && v instanceof WeakRef,
  };
  const util = {
    format, inspect, promisify, callbackify, deprecate, inherits, types,
    formatWithOptions: (o, ...args) => formatWithOptions(o, args),
    isDeepStrictEqual: (a, b) => isDeepEqual(a, b, STRICT),
    isArray: Array.isArray,
    isBoolean: (v) => typeof v === 'boolean',
    isNull: (v) => v === null,
    isNullOrUndefined: (v) => v === null || v === undefined,
    isNumber: (v) => typeof v === 'number',
    isString: (v) => typeof v === 'string',
    isSymbol: (v) => typeof v === 'symbol',
    isUndefined: (v) => v === undefined,
    isRegExp: types.isRegExp,
    isObject: (v) => v !== null && typeof v === 'object',
    isDate: types.isDate,
    isError: (v) => isError(v),
    isFunction: (v) => typeof v === 'function',
    isPrimitive: (v) => v === null || (typeof v !== 'object' && typeof v !== 'function'),
    isBuffer: (v) => v instanceof BufferClass,
    stripVTControlCharacters: (s) => String(s).replace(/[\u001B\u009B][[\]()#;?]*(?:(?:(?:(?:;[-a-zA-Z\d/#&.:=?%@~_]+)*|[a-zA-Z\d]+(?:;[-a-zA-Z\d/#&.:=?%@~_]*)*)?\u0007)|(?:(?:\d{1,4}(?:;\d{0,4})*)?[\dA-PR-TZcf-ntqry=><~]))/g, ''),
    toUSVString: (s) => String(s).toWellFormed ? String(s).toWellFormed() : String(s),
    debuglog: () => Object.assign(() => {}, { enabled: false }),
    // (globals.js, which runs later, provides them when the engine does not)
    get TextEncoder() { return globalThis.TextEncoder; },
    get TextDecoder() { return globalThis.TextDecoder; },
  };
  util.debug = util.debuglog;
  for (const name of ['parseArgs', 'styleText', 'MIMEType', 'MIMEParams', 'getSystemErrorName', 'getSystemErrorMap', 'parseEnv', 'aborted', 'transferableAbortSignal', 'transferableAbortController']) {
    util[name] = function () { throw notProvided(`util.${name}`); };
  }
  inspect.custom = Symbol.for('nodejs.util.inspect.custom');
