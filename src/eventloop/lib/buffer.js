// buffer.js: Buffer (node's `buffer` module): from, alloc, concat, compare, byteLength, the
// encodings utf8, utf16le/ucs2, latin1/binary, ascii, hex, base64, base64url; slice/subarray
// (views, as node's), equals, compare, indexOf/includes, write, fill, copy, read/write of
// integers and floats; and node's coded errors (`nodeError`) that the other web-API files share.
//
// HOW: a subclass of Uint8Array. utf8 and base64 cross the bridge as ArrayBuffers
// (`mn.utf8Encode`, `mn.utf8Decode`, `mn.base64Encode`, `mn.base64Decode`); the byte-per-char
// encodings (latin1, ascii, utf16le, hex) are done here. An unknown encoding throws node's
// `TypeError [ERR_UNKNOWN_ENCODING]`.
// WHY: QuickJS has no Buffer; Rust does utf8 and base64 in one call, the rest is a loop.
//
// Bridge names: utf8Encode, utf8Decode, base64Encode, base64Decode, compile, lazySource (for
// `lazyModule`: src/eventloop/host/lazy.rs), in BRIDGE in src/eventloop/host/bridge.rs
// (their native half: src/eventloop/host/buffer.rs).

  // ---------------------------------------------------------------- loaded on first use
  // The web APIs (encoding.js, url.js, clone.js, abort.js, intl.js) are each one function run
  // the first time a script touches them: a one-line script does not pay for building them.
  // node's util.inspect.custom: the web API classes print as node's do once inspect.js calls it.
  const kInspectCustom = Symbol.for('nodejs.util.inspect.custom');
  function lazyLib(load) { let lib; return () => lib || (lib = load()); }
  // A module of lib/lazy/ (its text from `mn.lazySource`), compiled now as a CommonJS body whose
  // `exports` argument is `deps`, the prelude's names it needs; what it puts in module.exports.
  function lazyModule(name, deps) {
    const module = { exports: {} };
    const file = `node:internal/${name}`;
    mn.compile(mn.lazySource(name), file)(deps, undefined, module, file, 'node:internal');
    return module.exports;
  }
  // A global (as node's: writable, configurable, not enumerable) whose value is made on first read.
  function lazyGlobal(name, make) {
    const settle = (value) => { Object.defineProperty(global, name, { value, writable: true, configurable: true, enumerable: false }); return value; };
    Object.defineProperty(global, name, { get() { return settle(make()); }, set: settle, configurable: true, enumerable: false });
  }

  // ---------------------------------------------------------------- node's coded errors
  // `TypeError [CODE]: message` in the stack's first line and in String(e), `name` the plain
  // constructor's, `code` an own property: as node's internal errors are.
  function nodeError(Base, code, message, props) {
    function Named() {}
    Named.prototype = Object.create(Base.prototype, { name: { value: `${Base.prototype.name} [${code}]` } });
    const e = Reflect.construct(Base, [message], Named);
    Object.setPrototypeOf(e, Base.prototype);
    Object.defineProperty(e, 'toString', { value() { return `${this.name} [${code}]: ${this.message}`; }, writable: true, configurable: true });
    e.code = code;
    if (props) Object.assign(e, props);
    return e;
  }
  // A plain error with a `code` (node's few that keep `TypeError: message` as their first line).
  function codedError(Base, code, message, props) {
    const e = new Base(message);
    e.code = code;
    if (props) Object.assign(e, props);
    return e;
  }
  function outOfRange(name, range, value) {
    return nodeError(RangeError, 'ERR_OUT_OF_RANGE', `The value of "${name}" is out of range. It must be ${range}. Received ${value}`);
  }

  // ---------------------------------------------------------------- encodings
  // A lone surrogate is written as U+FFFD, as node does.
  const enc = (s) => mn.utf8Encode(String(s).toWellFormed());
  const ENCODINGS = {
    utf8: 'utf8', 'utf-8': 'utf8', ucs2: 'utf16le', 'ucs-2': 'utf16le', utf16le: 'utf16le', 'utf-16le': 'utf16le',
    latin1: 'latin1', binary: 'latin1', base64: 'base64', base64url: 'base64url', hex: 'hex', ascii: 'ascii',
  };
  function normEncoding(e) {
    if (e === undefined || e === null || e === '') return 'utf8';
    return ENCODINGS[String(e).toLowerCase()];
  }
  function checkEncoding(e) {
    const n = normEncoding(e);
    if (n === undefined) throw nodeError(TypeError, 'ERR_UNKNOWN_ENCODING', `Unknown encoding: ${e}`);
    return n;
  }
  function bytesOf(view) { return view.buffer.slice(view.byteOffset, view.byteOffset + view.byteLength); }
  // A string's bytes in a (normalised) encoding, as a Uint8Array.
  function encodeString(s, e) {
    s = String(s);
    switch (e) {
      case 'utf8': return new Uint8Array(enc(s));
      case 'base64': case 'base64url': return new Uint8Array(mn.base64Decode(s));
      case 'latin1': case 'ascii': {
        const b = new Uint8Array(s.length);
        for (let i = 0; i < s.length; i++) b[i] = s.charCodeAt(i) & 0xff;
        return b;
      }
      case 'utf16le': {
        const b = new Uint8Array(s.length * 2);
        for (let i = 0; i < s.length; i++) { const c = s.charCodeAt(i); b[2 * i] = c & 0xff; b[2 * i + 1] = c >> 8; }
        return b;
      }
      case 'hex': {
        const n = s.length >> 1;
        const b = new Uint8Array(n);
        let i = 0;
        for (; i < n; i++) {
          const pair = s.substr(i * 2, 2);
          if (!/^[0-9a-fA-F]{2}$/.test(pair)) break;
          b[i] = parseInt(pair, 16);
        }
        return i === n ? b : b.slice(0, i);
      }
    }
    throw nodeError(TypeError, 'ERR_UNKNOWN_ENCODING', `Unknown encoding: ${e}`);
  }
  function charCodes(codes) {
    let s = '';
    for (let i = 0; i < codes.length; i += 8192) s += String.fromCharCode.apply(null, codes.slice(i, i + 8192));
    return s;
  }
  // A view's bytes as text in a (normalised) encoding.
  function decodeBytes(view, e) {
    switch (e) {
      case 'utf8': return mn.utf8Decode(bytesOf(view));
      case 'base64': return mn.base64Encode(bytesOf(view));
      case 'base64url': return mn.base64Encode(bytesOf(view)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
      case 'latin1': return charCodes(Array.from(view));
      case 'ascii': return charCodes(Array.from(view, (x) => x & 0x7f));
      case 'hex': return Array.from(view, (x) => x.toString(16).padStart(2, '0')).join('');
      case 'utf16le': {
        const codes = new Array(view.length >> 1);
        for (let i = 0; i < codes.length; i++) codes[i] = view[2 * i] | (view[2 * i + 1] << 8);
        return charCodes(codes);
      }
    }
    throw nodeError(TypeError, 'ERR_UNKNOWN_ENCODING', `Unknown encoding: ${e}`);
  }

  // ---------------------------------------------------------------- Buffer
  const kMaxLength = 2 ** 32;
  function checkSize(n) {
    if (typeof n !== 'number') throw invalidArgType('size', 'number', n);
    if (!(n >= 0 && n <= kMaxLength)) throw outOfRange('size', `>= 0 && <= ${kMaxLength}`, n);
  }
  function toIndex(v, dflt) { if (v === undefined) return dflt; v = Math.trunc(Number(v)); return Number.isNaN(v) ? 0 : v; }
  function clampRange(len, start, end) {
    start = toIndex(start, 0); end = toIndex(end, len);
    if (start < 0) start = 0;
    if (end > len) end = len;
    return [start, Math.max(start, end)];
  }
  function sliceIndex(v, len, dflt) {
    v = toIndex(v, dflt);
    if (v < 0) v = Math.max(0, len + v);
    return Math.min(v, len);
  }
  // The bytes to look for / fill with: a string (encoded), a number (one byte) or bytes.
  function needleBytes(value, e) {
    if (typeof value === 'string') return encodeString(value, checkEncoding(e));
    if (typeof value === 'number') return Uint8Array.of(value & 0xff);
    if (value instanceof Uint8Array) return value;
    throw invalidArgType('value', 'number or string or an instance of Buffer or Uint8Array', value);
  }
  function checkOffset(buf, offset, width) {
    if (offset === undefined) offset = 0;
    if (typeof offset !== 'number') throw invalidArgType('offset', 'number', offset);
    if (!Number.isInteger(offset)) throw outOfRange('offset', 'an integer', offset);
    if (buf.length - width < 0) throw nodeError(RangeError, 'ERR_BUFFER_OUT_OF_BOUNDS', 'Attempt to access memory outside buffer bounds');
    if (offset < 0 || offset > buf.length - width) throw outOfRange('offset', `>= 0 and <= ${buf.length - width}`, offset);
    return offset;
  }
  const INT_KINDS = {
    UInt8: [1, false, 'Uint8'], Int8: [1, true, 'Int8'],
    UInt16LE: [2, false, 'Uint16', true], UInt16BE: [2, false, 'Uint16', false],
    Int16LE: [2, true, 'Int16', true], Int16BE: [2, true, 'Int16', false],
    UInt32LE: [4, false, 'Uint32', true], UInt32BE: [4, false, 'Uint32', false],
    Int32LE: [4, true, 'Int32', true], Int32BE: [4, true, 'Int32', false],
    FloatLE: [4, null, 'Float32', true], FloatBE: [4, null, 'Float32', false],
    DoubleLE: [8, null, 'Float64', true], DoubleBE: [8, null, 'Float64', false],
    BigUInt64LE: [8, 'big', 'BigUint64', true], BigUInt64BE: [8, 'big', 'BigUint64', false],
    BigInt64LE: [8, 'big', 'BigInt64', true], BigInt64BE: [8, 'big', 'BigInt64', false],
  };
  const dv = (b) => new DataView(b.buffer, b.byteOffset, b.byteLength);

  class BufferClass extends Uint8Array {
    static from(v, encodingOrOffset, length) {
      if (typeof v === 'string') return toBuffer(encodeString(v, checkEncoding(encodingOrOffset)));
      if (v instanceof ArrayBuffer || (typeof SharedArrayBuffer !== 'undefined' && v instanceof SharedArrayBuffer)) {
        const off = encodingOrOffset === undefined ? 0 : Math.trunc(Number(encodingOrOffset)) || 0;
        if (off > v.byteLength) throw nodeError(RangeError, 'ERR_BUFFER_OUT_OF_BOUNDS', '"offset" is outside of buffer bounds');
        const len = length === undefined ? v.byteLength - off : Math.trunc(Number(length)) || 0;
        if (off + len > v.byteLength) throw nodeError(RangeError, 'ERR_BUFFER_OUT_OF_BOUNDS', '"length" is outside of buffer bounds');
        return new BufferClass(v, off, len);
      }
      if (v !== null && typeof v === 'object') {
        if (ArrayBuffer.isView(v) && !(v instanceof Uint8Array)) {
          const b = new BufferClass(v.length);
          for (let i = 0; i < v.length; i++) b[i] = Number(v[i]) & 0xff;
          return b;
        }
        const src = (v.type === 'Buffer' && Array.isArray(v.data)) ? v.data : v;
        if (typeof src.length === 'number' || v instanceof Uint8Array) {
          const b = new BufferClass(src.length >>> 0);
          for (let i = 0; i < b.length; i++) b[i] = src[i];
          return b;
        }
      }
      throw firstArgError(v);
    }
    static alloc(n, fill, encoding) {
      checkSize(n);
      const b = new BufferClass(n);
      if (fill !== undefined && fill !== 0 && n > 0) b.fill(fill, 0, n, encoding);
      return b;
    }
    static allocUnsafe(n) { checkSize(n); return new BufferClass(n); }
    static allocUnsafeSlow(n) { checkSize(n); return new BufferClass(n); }
    static isBuffer(b) { return b instanceof BufferClass; }
    static isEncoding(e) { return typeof e === 'string' && e !== '' && normEncoding(e) !== undefined; }
    static byteLength(s, encoding) {
      if (typeof s !== 'string') {
        if (ArrayBuffer.isView(s) || s instanceof ArrayBuffer) return s.byteLength;
        throw invalidArgType('string', 'string or an instance of Buffer or ArrayBuffer', s);
      }
      const e = normEncoding(encoding) || 'utf8';
      if (e === 'base64' || e === 'base64url') {
        let n = s.length;
        while (n > 0 && s.charCodeAt(n - 1) === 0x3d) n--;
        return (n * 3) >>> 2;
      }
      if (e === 'hex') return s.length >>> 1;
      return encodeString(s, e).length;
    }
    static concat(list, totalLength) {
      if (!Array.isArray(list)) throw invalidArgType('list', 'an instance of Array', list);
      list.forEach((b, i) => { if (!(b instanceof Uint8Array)) throw invalidArgType(`list[${i}]`, 'an instance of Buffer or Uint8Array', b); });
      const n = totalLength === undefined ? list.reduce((a, b) => a + b.length, 0) : totalLength;
      const out = new BufferClass(n);
      let o = 0;
      for (const b of list) { if (o >= n) break; const part = b.length > n - o ? b.subarray(0, n - o) : b; out.set(part, o); o += part.length; }
      return out;
    }
    static compare(a, b) {
      if (!(a instanceof Uint8Array)) throw invalidArgType('buf1', 'an instance of Buffer or Uint8Array', a);
      if (!(b instanceof Uint8Array)) throw invalidArgType('buf2', 'an instance of Buffer or Uint8Array', b);
      const n = Math.min(a.length, b.length);
      for (let i = 0; i < n; i++) if (a[i] !== b[i]) return a[i] < b[i] ? -1 : 1;
      return a.length === b.length ? 0 : a.length < b.length ? -1 : 1;
    }
    toLocaleString(encoding, start, end) { return this.toString(encoding, start, end); }
    toJSON() { return { type: 'Buffer', data: Array.from(this) }; }
    equals(o) {
      if (!(o instanceof Uint8Array)) throw invalidArgType('otherBuffer', 'an instance of Buffer or Uint8Array', o);
      return BufferClass.compare(this, o) === 0;
    }
    compare(target, tStart, tEnd, sStart, sEnd) {
      if (!(target instanceof Uint8Array)) throw invalidArgType('target', 'an instance of Buffer or Uint8Array', target);
      const t = target.subarray(toIndex(tStart, 0), toIndex(tEnd, target.length));
      return BufferClass.compare(this.subarray(toIndex(sStart, 0), toIndex(sEnd, this.length)), t);
    }
    slice(start, end) { return this.subarray(start, end); }
    subarray(start, end) {
      const s = sliceIndex(start, this.length, 0);
      const t = Math.max(s, sliceIndex(end, this.length, this.length));
      return new BufferClass(this.buffer, this.byteOffset + s, t - s);
    }
    indexOf(value, byteOffset, encoding) {
      if (typeof byteOffset === 'string') { encoding = byteOffset; byteOffset = undefined; }
      const needle = needleBytes(value, encoding);
      let from = toIndex(byteOffset, 0);
      if (from < 0) from = Math.max(0, this.length + from);
      if (needle.length === 0) return Math.min(from, this.length);
      outer: for (let i = from; i <= this.length - needle.length; i++) {
        for (let j = 0; j < needle.length; j++) if (this[i + j] !== needle[j]) continue outer;
        return i;
      }
      return -1;
    }
    lastIndexOf(value, byteOffset, encoding) {
      if (typeof byteOffset === 'string') { encoding = byteOffset; byteOffset = undefined; }
      const needle = needleBytes(value, encoding);
      let from = toIndex(byteOffset, this.length);
      if (from < 0) from = this.length + from;
      outer: for (let i = Math.min(from, this.length - needle.length); i >= 0; i--) {
        for (let j = 0; j < needle.length; j++) if (this[i + j] !== needle[j]) continue outer;
        return i;
      }
      return -1;
    }
    includes(value, byteOffset, encoding) { return this.indexOf(value, byteOffset, encoding) !== -1; }
    write(string, offset, length, encoding) {
      if (typeof offset === 'string') { encoding = offset; offset = 0; length = undefined; } else if (typeof length === 'string') { encoding = length; length = undefined; }
      offset = toIndex(offset, 0);
      if (offset < 0 || offset > this.length) throw outOfRange('offset', `>= 0 && <= ${this.length}`, offset);
      const e = checkEncoding(encoding);
      let bytes = encodeString(string, e);
      let room = Math.min(this.length - offset, toIndex(length, this.length - offset));
      if (bytes.length > room && e === 'utf8') {
        while (room > 0 && (bytes[room] & 0xc0) === 0x80) room--;
      }
      if (bytes.length > room) bytes = bytes.subarray(0, room);
      this.set(bytes, offset);
      return bytes.length;
    }
    fill(value, offset, end, encoding) {
      if (typeof offset === 'string') { encoding = offset; offset = 0; end = this.length; } else if (typeof end === 'string') { encoding = end; end = this.length; }
      const [s, t] = clampRange(this.length, offset, end);
      if (typeof value === 'number') { Uint8Array.prototype.fill.call(this, value & 0xff, s, t); return this; }
      if (typeof value === 'boolean') { Uint8Array.prototype.fill.call(this, +value, s, t); return this; }
      const bytes = needleBytes(value, encoding);
      if (bytes.length === 0) { Uint8Array.prototype.fill.call(this, 0, s, t); return this; }
      for (let i = s; i < t; i++) this[i] = bytes[(i - s) % bytes.length];
      return this;
    }
    copy(target, targetStart, sourceStart, sourceEnd) {
      const ts = toIndex(targetStart, 0);
      const [s, t] = clampRange(this.length, sourceStart, sourceEnd);
      const n = Math.max(0, Math.min(t - s, target.length - ts));
      target.set(this.subarray(s, s + n), ts);
      return n;
    }
    swap16() { for (let i = 0; i + 1 < this.length; i += 2) { const a = this[i]; this[i] = this[i + 1]; this[i + 1] = a; } return this; }
    reverse() { Uint8Array.prototype.reverse.call(this); return this; }
  }
  function firstArgError(v) {
    const e = invalidArgType('first argument', 'string or an instance of Buffer, ArrayBuffer, or Array or an Array-like Object', v);
    return nodeError(TypeError, 'ERR_INVALID_ARG_TYPE', e.message.replace('The "first argument" argument', 'The first argument'));
  }
  for (const kind of Object.keys(INT_KINDS)) {
    const [width, signed, view, little] = INT_KINDS[kind];
    const get = DataView.prototype['get' + view], set = DataView.prototype['set' + view];
    const read = function (offset) { offset = checkOffset(this, offset, width); return get.call(dv(this), offset, little); };
    const write = function (value, offset) {
      offset = checkOffset(this, offset, width);
      if (signed === 'big') {
        if (typeof value !== 'bigint') throw invalidArgType('value', 'bigint', value);
      } else if (signed !== null) {
        const bits = width * 8;
        const min = signed ? -(2 ** (bits - 1)) : 0, max = signed ? 2 ** (bits - 1) - 1 : 2 ** bits - 1;
        if (typeof value !== 'number') value = Number(value);
        if (value < min || value > max) throw outOfRange('value', `>= ${min} and <= ${max}`, value);
      }
      set.call(dv(this), offset, value, little);
      return offset + width;
    };
    Object.defineProperty(read, 'name', { value: 'read' + kind });
    Object.defineProperty(write, 'name', { value: 'write' + kind });
    for (const name of [kind, kind.replace('UInt', 'Uint')]) {
      BufferClass.prototype['read' + name] = read;
      BufferClass.prototype['write' + name] = write;
    }
  }
  function bufferToString(encoding, start, end) {
    if (encoding === undefined && start === undefined && end === undefined) return mn.utf8Decode(bytesOf(this));
    const e = normEncoding(encoding);
    if (e === undefined) checkEncoding(encoding);
    const [s, t] = clampRange(this.length, start, end);
    return decodeBytes(this.subarray(s, t), e);
  }
  Object.defineProperty(bufferToString, 'name', { value: 'toString' });
  Object.defineProperty(BufferClass.prototype, 'toString', { value: bufferToString, writable: true, configurable: true });
  Object.defineProperty(BufferClass, 'name', { value: 'Buffer' });
  BufferClass.poolSize = 8192;
  // The global `Buffer`: also callable, with or without `new` (deprecated, DEP0005), as node's is;
  // its instances are BufferClass's (same prototype), and typed-array methods that make a new
  // array (map, filter ...) use BufferClass itself.
  let bufferCallWarned = false;
  const BufferFn = function Buffer(arg, encodingOrOffset, length) {
    if (!bufferCallWarned) {
      bufferCallWarned = true;
      emitWarning('Buffer() is deprecated due to security and usability issues. Please use the Buffer.alloc(), Buffer.allocUnsafe(), or Buffer.from() methods instead.', 'DeprecationWarning', 'DEP0005');
    }
    if (typeof arg === 'number') return BufferClass.alloc(arg);
    return BufferClass.from(arg, encodingOrOffset, length);
  };
  Object.setPrototypeOf(BufferFn, Uint8Array);
  for (const k of Reflect.ownKeys(BufferClass)) {
    if (k !== 'length' && k !== 'name' && k !== 'prototype') Object.defineProperty(BufferFn, k, Object.getOwnPropertyDescriptor(BufferClass, k));
  }
  BufferFn.prototype = BufferClass.prototype;
  Object.defineProperty(BufferClass.prototype, 'constructor', { value: BufferFn, writable: true, configurable: true });
  Object.defineProperty(BufferFn, Symbol.species, { get() { return BufferClass; }, configurable: true });
  function toBuffer(bytes) { return bytes instanceof ArrayBuffer ? new BufferClass(bytes) : new BufferClass(bytes.buffer, bytes.byteOffset, bytes.length); }
  // atob/btoa as node's (its messages, not the engine's).
  function atob(input) {
    if (arguments.length === 0) throw nodeError(TypeError, 'ERR_MISSING_ARGS', 'The "input" argument must be specified');
    input = `${input}`;
    let count = 0, equals = 0;
    for (let n = 0; n < input.length; n++) {
      const c = input[n];
      if (c === '\t' || c === '\n' || c === '\f' || c === '\r' || c === ' ') continue;
      if (!/[A-Za-z0-9+/=]/.test(c)) throw new DOMException('Invalid character', 'InvalidCharacterError');
      count++;
      if (c === '=') equals++;
      else if (equals) throw new DOMException('Invalid character', 'InvalidCharacterError');
      if (equals > 2) throw new DOMException('Invalid character', 'InvalidCharacterError');
    }
    let rest = count % 4;
    if (!rest) rest = (count - equals) % 4;
    else if (equals) throw new DOMException('Invalid character', 'InvalidCharacterError');
    if (rest === 1) throw new DOMException('The string to be decoded is not correctly encoded.', 'InvalidCharacterError');
    return decodeBytes(encodeString(input, 'base64'), 'latin1');
  }
  function btoa(input) {
    if (arguments.length === 0) throw nodeError(TypeError, 'ERR_MISSING_ARGS', 'The "input" argument must be specified');
    input = `${input}`;
    for (let n = 0; n < input.length; n++) if (input.charCodeAt(n) > 0xff) throw new DOMException('Invalid character', 'InvalidCharacterError');
    return decodeBytes(encodeString(input, 'latin1'), 'base64');
  }
  const bufferModule = {
    Buffer: BufferFn, kMaxLength, kStringMaxLength: 2 ** 29 - 24,
    constants: { MAX_LENGTH: kMaxLength, MAX_STRING_LENGTH: 2 ** 29 - 24 },
    atob, btoa,
  };
