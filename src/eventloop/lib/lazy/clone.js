// lazy/clone.js: the code of lib/clone.js that runs on first use (see that file for what and how).
//
// LAZY: not part of the prelude. host/lazy.rs embeds this file (`mn.lazySource('clone')`);
// `cloneLib()` in lib/clone.js compiles it on first use, as one CommonJS body whose `exports`
// argument carries the prelude's names it needs, and whose `module.exports` is what it makes.
// WHY lazy: a script that does not use it does not pay for reading this code at startup.
//
// Shared with Rust: the name `clone` *Must* match its line in LAZY in src/eventloop/host/lazy.rs.
// Bridge names: none; it is handed only prelude helpers.
'use strict';
const { BufferClass, codedError } = exports;

const ERROR_KINDS = { Error, EvalError, RangeError, ReferenceError, SyntaxError, TypeError, URIError };
function uncloneable(v) {
  let shown;
  if (typeof v === 'function') shown = Function.prototype.toString.call(v);
  else if (typeof v === 'symbol') shown = v.toString();
  else {
    shown = `#<${Object.prototype.toString.call(v).slice(8, -1)}>`;
  }
  return new DOMException(`${shown} could not be cloned.`, 'DataCloneError');
}
function structuredClone(value, options) {
  if (arguments.length === 0) throw codedError(TypeError, 'ERR_MISSING_ARGS', 'The value argument must be specified');
  if (options != null && options.transfer !== undefined && [...options.transfer].length > 0) {
    throw new Error('structuredClone with a transfer list is not supported by mini-node');
  }
  const memo = new Map();
  const copyProps = (from, to) => { for (const k of Object.keys(from)) to[k] = walk(from[k]); return to; };
  function walk(v) {
    if (typeof v === 'function' || typeof v === 'symbol') throw uncloneable(v);
    if (v === null || typeof v !== 'object') return v;
    if (memo.has(v)) return memo.get(v);
    let out;
    const tag = Object.prototype.toString.call(v).slice(8, -1);
    if (Array.isArray(v)) {
      out = new Array(v.length);
      memo.set(v, out);
      return copyProps(v, out);
    }
    if (v instanceof Date) out = new Date(v.getTime());
    else if (v instanceof RegExp) out = new RegExp(v.source, v.flags);
    else if (v instanceof Boolean || v instanceof Number || v instanceof String || (typeof BigInt !== 'undefined' && tag === 'BigInt')) out = Object(v.valueOf());
    else if (v instanceof ArrayBuffer) out = v.slice(0);
    else if (ArrayBuffer.isView(v)) {
      const buf = walk(v.buffer);
      const Ctor = v instanceof DataView ? DataView : v instanceof BufferClass ? Uint8Array : globalThis[tag] || Object.getPrototypeOf(Object.getPrototypeOf(v)).constructor;
      out = v instanceof DataView ? new DataView(buf, v.byteOffset, v.byteLength) : new Ctor(buf, v.byteOffset, v.length);
    } else if (v instanceof Map) {
      out = new Map();
      memo.set(v, out);
      for (const [k, x] of v) out.set(walk(k), walk(x));
      return out;
    } else if (v instanceof Set) {
      out = new Set();
      memo.set(v, out);
      for (const x of v) out.add(walk(x));
      return out;
    } else if (v instanceof Error) {
      const name = String(v.name);
      const Kind = Object.prototype.hasOwnProperty.call(ERROR_KINDS, name) ? ERROR_KINDS[name] : Error;
      out = Object.create(Kind.prototype);
      memo.set(v, out);
      Object.defineProperty(out, 'message', { value: String(v.message), writable: true, configurable: true });
      if (typeof v.stack === 'string') Object.defineProperty(out, 'stack', { value: v.stack, writable: true, configurable: true });
      if ('cause' in v) Object.defineProperty(out, 'cause', { value: walk(v.cause), writable: true, configurable: true });
      return out;
    } else if (v instanceof Promise || v instanceof WeakMap || v instanceof WeakSet || v instanceof WeakRef || v instanceof FinalizationRegistry) {
      throw uncloneable(v);
    } else {
      // any other object (a class instance, a host object such as URL): its own enumerable keys
      out = {};
      memo.set(v, out);
      return copyProps(v, out);
    }
    memo.set(v, out);
    return out;
  }
  return walk(value);
}
module.exports = { structuredClone };
