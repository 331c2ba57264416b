// comparisons.js: deep equality, loose (assert.deepEqual) and strict (assert.deepStrictEqual,
// util.isDeepStrictEqual), as node's lib/internal/util/comparisons.js decides it.
//
// HOW: same type tag, then by kind (arrays, dates, regexps, errors' name and message, typed
// arrays' bytes, boxed primitives, Set and Map entries matched by value when not by identity),
// then the own enumerable keys (and symbols, when strict); strict also compares prototypes and
// uses Object.is. Cycles are followed once through a memo of the pairs being compared.
// WHY: comparing what inspect prints misses prototypes, -0 and loose equality; nothing here talks
// to Rust.
//
// Bridge names: none.

  // ---------------------------------------------------------------- deep equality
  const STRICT = true;
  const LOOSE = false;
  function isDeepEqual(a, b, strict, memo) {
    if (strict ? Object.is(a, b) : a === b) return true;
    if (strict) {
      if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
      if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false;
    } else {
      if (a === null || typeof a !== 'object') {
        if (b === null || typeof b !== 'object') return a == b || (Number.isNaN(a) && Number.isNaN(b)); // eslint-disable-line eqeqeq
        return false;
      }
      if (b === null || typeof b !== 'object') return false;
    }
    const tag = Object.prototype.toString.call(a);
    if (tag !== Object.prototype.toString.call(b)) return false;
    if (memo === undefined) memo = [];
    for (const [x, y] of memo) if (x === a && y === b) return true;
    memo.push([a, b]);
    try {
      return deepCompare(a, b, strict, memo, tag);
    } finally {
      memo.pop();
    }
  }
  function ownKeys(o, strict) {
    const keys = Object.keys(o);
    if (strict) for (const s of Object.getOwnPropertySymbols(o)) if (Object.prototype.propertyIsEnumerable.call(o, s)) keys.push(s);
    return keys;
  }
  function deepCompare(a, b, strict, memo, tag) {
    if (Array.isArray(a)) {
      if (!Array.isArray(b) || a.length !== b.length) return false;
    } else if (tag === '[object Object]' || tag === '[object Arguments]') {
      // plain objects: keys below
    } else if (a instanceof Date) {
      if (!(b instanceof Date) || a.getTime() !== b.getTime()) return false;
    } else if (a instanceof RegExp) {
      if (!(b instanceof RegExp) || a.source !== b.source || a.flags !== b.flags || a.lastIndex !== b.lastIndex) return false;
    } else if (isError(a)) {
      if (!isError(b) || a.message !== b.message || a.name !== b.name) return false;
    } else if (ArrayBuffer.isView(a)) {
      if (!ArrayBuffer.isView(b) || a.byteLength !== b.byteLength) return false;
      if (!strict && (a instanceof Float32Array || a instanceof Float64Array)) {
        for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
      } else {
        const x = new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
        const y = new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
        for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return false;
      }
      const ka = ownKeys(a, strict).filter((k) => typeof k !== 'string' || !/^\d+$/.test(k));
      const kb = ownKeys(b, strict).filter((k) => typeof k !== 'string' || !/^\d+$/.test(k));
      return sameKeys(a, b, ka, kb, strict, memo);
    } else if (a instanceof Set) {
      if (!(b instanceof Set) || a.size !== b.size) return false;
      if (!setEquiv(a, b, strict, memo)) return false;
    } else if (a instanceof Map) {
      if (!(b instanceof Map) || a.size !== b.size) return false;
      if (!mapEquiv(a, b, strict, memo)) return false;
    } else if (a instanceof Number || a instanceof String || a instanceof Boolean || a instanceof BigInt || a instanceof Symbol) {
      if (!Object.is(a.valueOf(), b.valueOf())) return false;
    } else if (a instanceof WeakMap || a instanceof WeakSet || a instanceof Promise) {
      // compared by their keys only, as node does
    }
    return sameKeys(a, b, ownKeys(a, strict), ownKeys(b, strict), strict, memo);
  }
  function sameKeys(a, b, ka, kb, strict, memo) {
    if (ka.length !== kb.length) return false;
    for (const k of ka) {
      if (!Object.prototype.propertyIsEnumerable.call(b, k)) return false;
    }
    for (const k of ka) {
      if (!isDeepEqual(a[k], b[k], strict, memo)) return false;
    }
    return true;
  }
  function setEquiv(a, b, strict, memo) {
    const rest = [];
    for (const v of a) {
      if (b.has(v)) continue;
      if (typeof v !== 'object' && strict) return false;
      rest.push(v);
    }
    if (rest.length === 0) return true;
    const candidates = [];
    for (const v of b) if (!a.has(v)) candidates.push(v);
    for (const v of rest) {
      const i = candidates.findIndex((w) => isDeepEqual(v, w, strict, memo));
      if (i < 0) return false;
      candidates.splice(i, 1);
    }
    return true;
  }
  function mapEquiv(a, b, strict, memo) {
    const rest = [];
    for (const [k, v] of a) {
      if (b.has(k)) {
        if (isDeepEqual(v, b.get(k), strict, memo)) continue;
        if (typeof k !== 'object' || k === null) return false;
      } else if (strict && (typeof k !== 'object' || k === null)) {
        return false;
      }
      rest.push([k, v]);
    }
    if (rest.length === 0) return true;
    const candidates = [];
    for (const e of b) if (!a.has(e[0])) candidates.push(e);
    for (const [k, v] of rest) {
      const i = candidates.findIndex(([k2, v2]) => isDeepEqual(k, k2, strict, memo) && isDeepEqual(v, v2, strict, memo));
      if (i < 0) return false;
      candidates.splice(i, 1);
    }
    return true;
  }
