// buffer.js: Buffer (the common part): from, alloc, concat, toString in utf8/hex/base64.
//
// HOW: a subclass of Uint8Array; text encodings cross the bridge as ArrayBuffers
// (`mn.utf8Encode`, `mn.utf8Decode`, `mn.base64Encode`, `mn.base64Decode`).
// WHY: QuickJS has no TextEncoder/atob of its own; Rust does the byte work in one call.
//
// Bridge names: utf8Encode, utf8Decode, base64Encode, base64Decode, in BRIDGE in
// src/eventloop/host/bridge.rs
// (their native half: src/eventloop/host/buffer.rs).

  // ---------------------------------------------------------------- Buffer (the common part)
  const enc = (s) => mn.utf8Encode(String(s));
  class BufferClass extends Uint8Array {
    static from(v, encoding) {
      if (typeof v === 'string') {
        if (encoding === 'base64') return toBuffer(mn.base64Decode(v));
        if (encoding === 'hex') { const b = new BufferClass(v.length >> 1); for (let i = 0; i < b.length; i++) b[i] = parseInt(v.substr(i * 2, 2), 16); return b; }
        return toBuffer(enc(v));
      }
      if (v instanceof ArrayBuffer) return new BufferClass(v);
      const b = new BufferClass(v.length);
      for (let i = 0; i < v.length; i++) b[i] = v[i];
      return b;
    }
    static alloc(n, fill) { const b = new BufferClass(n); if (fill !== undefined) b.fill(typeof fill === 'string' ? fill.charCodeAt(0) : fill); return b; }
    static allocUnsafe(n) { return new BufferClass(n); }
    static isBuffer(b) { return b instanceof BufferClass; }
    static byteLength(s) { return typeof s === 'string' ? enc(s).byteLength : s.byteLength; }
    static concat(list) { let n = 0; for (const b of list) n += b.length; const out = new BufferClass(n); let o = 0; for (const b of list) { out.set(b, o); o += b.length; } return out; }
    toString(encoding, start = 0, end = this.length) {
      const view = this.subarray(start, end);
      if (encoding === 'hex') return Array.from(view, (x) => x.toString(16).padStart(2, '0')).join('');
      if (encoding === 'base64') return mn.base64Encode(view.buffer.slice(view.byteOffset, view.byteOffset + view.byteLength));
      return mn.utf8Decode(view.buffer.slice(view.byteOffset, view.byteOffset + view.byteLength));
    }
    toJSON() { return { type: 'Buffer', data: Array.from(this) }; }
    equals(o) { if (o.length !== this.length) return false; for (let i = 0; i < this.length; i++) if (o[i] !== this[i]) return false; return true; }
  }
  Object.defineProperty(BufferClass, 'name', { value: 'Buffer' });
  function toBuffer(ab) { return new BufferClass(ab); }
