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

// The same clone across threads (worker_threads' postMessage and workerData): `serialize` walks
// the value as structuredClone does and writes it as JSON text, each value a node: a string,
// number, boolean or null as itself, anything else an array whose first item says what it is.
// Objects are numbered in the order the walk meets them; `['r', n]` is the n-th again (cycles,
// shared references). `deserialize` builds the copy in the receiving thread's engine.
// *Must* stay in step with each other (no other code reads the text).
function bytesToText(u8) {
  let out = '';
  for (let i = 0; i < u8.length; i += 8192) out += String.fromCharCode.apply(null, u8.subarray(i, i + 8192));
  return out;
}
function textToBytes(text) {
  const u8 = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) u8[i] = text.charCodeAt(i);
  return u8;
}
// The walk's memo (object -> its number) of the serialisation running now.
let serialMemo = null;
function serialPairs(from) {
  const out = [];
  for (const k of Object.keys(from)) out.push(k, serialWalk(from[k]));
  return out;
}
function serialWalk(v) {
  switch (typeof v) {
    case 'string': case 'boolean': return v;
    case 'undefined': return ['u'];
    case 'number': return Number.isFinite(v) && !Object.is(v, -0) ? v : ['n', Object.is(v, -0) ? '-0' : String(v)];
    case 'bigint': return ['b', String(v)];
    case 'function': case 'symbol': throw uncloneable(v);
  }
  if (v === null) return null;
  const memo = serialMemo;
  const seen = memo.get(v);
  if (seen !== undefined) return ['r', seen];
  // the common shapes first: a plain object, an array
  const proto = Object.getPrototypeOf(v);
  if (proto === Object.prototype || proto === null) {
    memo.set(v, memo.size);
    return ['O', serialPairs(v)];
  }
  if (Array.isArray(v)) {
    memo.set(v, memo.size);
    if (Object.keys(v).length === v.length) {
      const out = new Array(v.length);
      for (let i = 0; i < v.length; i++) out[i] = serialWalk(v[i]);
      return ['A', out];
    }
    return ['a', v.length, serialPairs(v)];
  }
  if (v instanceof Promise || v instanceof WeakMap || v instanceof WeakSet || v instanceof WeakRef || v instanceof FinalizationRegistry) throw uncloneable(v);
  if (typeof SharedArrayBuffer === 'function' && v instanceof SharedArrayBuffer) {
    throw codedError(Error, 'ERR_MINI_NODE_NOT_PROVIDED', 'Sharing memory between threads (a SharedArrayBuffer) is not provided by mini-node: each thread has its own engine. Run this script with real node instead.');
  }
  memo.set(v, memo.size);
  if (v instanceof Date) return ['D', v.getTime()];
  if (v instanceof RegExp) return ['R', v.source, v.flags];
  const tag = Object.prototype.toString.call(v).slice(8, -1);
  if (v instanceof Boolean || v instanceof Number || v instanceof String || tag === 'BigInt') return ['P', tag, serialWalk(v.valueOf())];
  if (v instanceof ArrayBuffer) return ['B', bytesToText(new Uint8Array(v))];
  if (ArrayBuffer.isView(v)) {
    const kind = v instanceof DataView ? 'DataView' : v instanceof BufferClass ? 'Uint8Array' : tag;
    const length = v instanceof DataView ? v.byteLength : v.length;
    return ['V', kind, serialWalk(v.buffer), v.byteOffset, length];
  }
  if (v instanceof Map) {
    const out = [];
    for (const [k, x] of v) out.push(serialWalk(k), serialWalk(x));
    return ['M', out];
  }
  if (v instanceof Set) return ['S', Array.from(v, serialWalk)];
  if (v instanceof Error) {
    const name = String(v.name);
    const node = ['E', Object.prototype.hasOwnProperty.call(ERROR_KINDS, name) ? name : 'Error', String(v.message)];
    node.push(typeof v.stack === 'string' ? v.stack : null);
    if ('cause' in v) node.push(serialWalk(v.cause));
    return node;
  }
  return ['O', serialPairs(v)];
}
function serialize(value) {
  // a string or a number needs no walk
  if (typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value) && !Object.is(value, -0))) return JSON.stringify(value);
  const outer = serialMemo;
  serialMemo = new Map();
  try {
    return JSON.stringify(serialWalk(value));
  } finally {
    serialMemo = outer;
  }
}
// The objects the running deserialisation has made, by their number.
let serialMade = null;
function serialFill(to, list) {
  for (let i = 0; i < list.length; i += 2) to[list[i]] = serialBuild(list[i + 1]);
  return to;
}
function serialKeep(out) {
  serialMade.push(out);
  return out;
}
function serialBuild(node) {
  if (node === null || typeof node !== 'object') return node;
  const made = serialMade;
  switch (node[0]) {
    case 'O': return serialFill(serialKeep({}), node[1]);
    case 'A': {
      const list = node[1];
      const out = serialKeep(new Array(list.length));
      for (let i = 0; i < list.length; i++) out[i] = serialBuild(list[i]);
      return out;
    }
    case 'u': return undefined;
    case 'n': return node[1] === '-0' ? -0 : Number(node[1]);
    case 'b': return BigInt(node[1]);
    case 'r': return made[node[1]];
    case 'a': return serialFill(serialKeep(new Array(node[1])), node[2]);
    case 'D': return serialKeep(new Date(node[1]));
    case 'R': return serialKeep(new RegExp(node[1], node[2]));
    case 'P': { const i = made.push(undefined) - 1; return (made[i] = Object(serialBuild(node[2]))); }
    case 'B': return serialKeep(textToBytes(node[1]).buffer);
    case 'V': {
      const i = made.push(undefined) - 1;
      const buf = serialBuild(node[2]);
      const Ctor = node[1] === 'DataView' ? DataView : globalThis[node[1]];
      return (made[i] = new Ctor(buf, node[3], node[4]));
    }
    case 'M': {
      const out = serialKeep(new Map());
      const l = node[1];
      for (let i = 0; i < l.length; i += 2) out.set(serialBuild(l[i]), serialBuild(l[i + 1]));
      return out;
    }
    case 'S': {
      const out = serialKeep(new Set());
      for (const x of node[1]) out.add(serialBuild(x));
      return out;
    }
    case 'E': {
      const out = serialKeep(Object.create(ERROR_KINDS[node[1]].prototype));
      Object.defineProperty(out, 'message', { value: node[2], writable: true, configurable: true });
      if (node[3] !== null) Object.defineProperty(out, 'stack', { value: node[3], writable: true, configurable: true });
      if (node.length > 4) Object.defineProperty(out, 'cause', { value: serialBuild(node[4]), writable: true, configurable: true });
      return out;
    }
  }
  throw new Error(`mini-node: a message of another thread could not be read (${node[0]})`);
}
function deserialize(text) {
  const tree = JSON.parse(text);
  if (tree === null || typeof tree !== 'object') return tree;
  const outer = serialMade;
  serialMade = [];
  try {
    return serialBuild(tree);
  } finally {
    serialMade = outer;
  }
}
module.exports = { structuredClone, serialize, deserialize };
