// lazy/encoding.js: the code of lib/encoding.js that runs on first use (see that file for what and how).
//
// LAZY: not part of the prelude. host/lazy.rs embeds this file (`mn.lazySource('encoding')`);
// `encodingLib()` in lib/encoding.js compiles it on first use, as one CommonJS body whose `exports`
// argument carries the prelude's names it needs, and whose `module.exports` is what it makes.
// WHY lazy: a script that does not use it does not pay for reading this code at startup.
//
// Shared with Rust: the name `encoding` *Must* match its line in LAZY in src/eventloop/host/lazy.rs.
// Bridge names: none; `utf8Decode` is mn.utf8Decode, handed in by lib/encoding.js.
'use strict';
const { utf8Decode, bytesOf, codedError, decodeBytes, enc, decode, inspect, invalidArgType, kInspectCustom, nodeError } = exports;

class TextEncoder {
  get encoding() { return 'utf-8'; }
  [kInspectCustom](depth, opts) { return typeof depth === 'number' && depth < 0 ? this : inspect({ encoding: this.encoding }, opts); }
  encode(input = '') { return new Uint8Array(enc(input)); }
  encodeInto(src, dest) {
    src = String(src);
    let read = 0, written = 0;
    for (const ch of src.toWellFormed()) {
      const bytes = new Uint8Array(enc(ch));
      if (written + bytes.length > dest.length) break;
      dest.set(bytes, written);
      written += bytes.length;
      read += ch.length;
    }
    return { read, written };
  }
}
const DECODER_LABELS = {
  'utf-8': 'utf-8', utf8: 'utf-8', 'unicode-1-1-utf-8': 'utf-8', 'unicode11utf8': 'utf-8', 'unicode20utf8': 'utf-8', 'x-unicode20utf8': 'utf-8',
  'utf-16le': 'utf-16le', 'utf-16': 'utf-16le', ucs2: 'utf-16le', 'ucs-2': 'utf-16le', unicode: 'utf-16le', csunicode: 'utf-16le', 'iso-10646-ucs-2': 'utf-16le', unicodefeff: 'utf-16le',
};
// Labels node (with full ICU) decodes and mini-node does not.
const OTHER_LABELS = /^(?:latin1|ascii|us-ascii|iso-8859-\d+|iso8859-\d+|iso_8859-\d+|windows-\d+|cp\d+|x-cp\d+|l\d|utf-16be|unicodefffe|koi8-[ru]|koi8|macintosh|x-mac-cyrillic|gbk|gb2312|gb18030|big5|euc-jp|euc-kr|shift_jis|sjis|iso-2022-jp|ibm866|x-user-defined)$/;
// The length of a utf-8 sequence started by `b`, 0 for a byte that cannot start one.
const seqLength = (b) => (b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0);
function continuationOk(first, i, b) {
  if (i === 1) {
    if (first === 0xe0) return b >= 0xa0 && b <= 0xbf;
    if (first === 0xed) return b >= 0x80 && b <= 0x9f;
    if (first === 0xf0) return b >= 0x90 && b <= 0xbf;
    if (first === 0xf4) return b >= 0x80 && b <= 0x8f;
  }
  return b >= 0x80 && b <= 0xbf;
}
// How many bytes at the end of `bytes` start a sequence that more bytes could finish.
function unfinishedTail(bytes) {
  for (let back = 1; back <= 3 && back <= bytes.length; back++) {
    const start = bytes.length - back;
    const n = seqLength(bytes[start]);
    if (n === 0 && back < 3 && bytes[start] >= 0x80 && bytes[start] <= 0xbf) continue;
    if (n <= back) return 0;
    for (let i = 1; i < back; i++) if (!continuationOk(bytes[start], i, bytes[start + i])) return 0;
    return back;
  }
  return 0;
}
function validUtf8(bytes) {
  for (let i = 0; i < bytes.length;) {
    const n = seqLength(bytes[i]);
    if (n === 0 || i + n > bytes.length) return false;
    for (let k = 1; k < n; k++) if (!continuationOk(bytes[i], k, bytes[i + k])) return false;
    i += n;
  }
  return true;
}
function viewBytes(input) {
  if (input === undefined) return new Uint8Array(0);
  if (input instanceof ArrayBuffer || (typeof SharedArrayBuffer !== 'undefined' && input instanceof SharedArrayBuffer)) return new Uint8Array(input);
  if (ArrayBuffer.isView(input)) return new Uint8Array(input.buffer, input.byteOffset, input.byteLength);
  throw invalidArgType('input', 'an instance of ArrayBuffer or ArrayBufferView', input);
}
class TextDecoder {
  #encoding; #fatal; #ignoreBOM; #pending = new Uint8Array(0); #started = false;
  constructor(label = 'utf-8', options = {}) {
    const key = String(label).trim().toLowerCase();
    const encoding = DECODER_LABELS[key];
    if (encoding === undefined) {
      if (OTHER_LABELS.test(key)) throw new Error(`TextDecoder for the "${label}" encoding is not supported by mini-node (only utf-8 and utf-16le)`);
      throw nodeError(RangeError, 'ERR_ENCODING_NOT_SUPPORTED', `The "${label}" encoding is not supported`);
    }
    if (options === null || (typeof options !== 'object' && typeof options !== 'function')) throw invalidArgType('options', 'object', options);
    this.#encoding = encoding;
    this.#fatal = !!options.fatal;
    this.#ignoreBOM = !!options.ignoreBOM;
  }
  get encoding() { return this.#encoding; }
  get fatal() { return this.#fatal; }
  get ignoreBOM() { return this.#ignoreBOM; }
  [kInspectCustom](depth) {
    if (typeof depth === 'number' && depth < 0) return this;
    return `${this.constructor.name} ${inspect({ encoding: this.encoding, fatal: this.fatal, ignoreBOM: this.ignoreBOM })}`;
  }
  decode(input, options = {}) {
    const stream = !!(options && options.stream);
    let bytes = viewBytes(input);
    if (this.#pending.length > 0) { const all = new Uint8Array(this.#pending.length + bytes.length); all.set(this.#pending); all.set(bytes, this.#pending.length); bytes = all; }
    let keep = 0;
    if (stream && this.#encoding === 'utf-8') keep = unfinishedTail(bytes);
    else if (stream) {
      // an odd byte, or a high surrogate whose low half is still to come
      keep = bytes.length % 2;
      const last = bytes.length - keep - 2;
      if (last >= 0 && (bytes[last + 1] & 0xfc) === 0xd8) keep += 2;
    }
    this.#pending = bytes.slice(bytes.length - keep);
    bytes = bytes.subarray(0, bytes.length - keep);
    let text;
    if (this.#encoding === 'utf-8') {
      if (this.#fatal && !validUtf8(bytes)) { this.#pending = new Uint8Array(0); this.#started = false; throw codedError(TypeError, 'ERR_ENCODING_INVALID_ENCODED_DATA', 'The encoded data was not valid for encoding utf-8'); }
      text = utf8Decode(bytesOf(bytes));
    } else {
      if (bytes.length % 2 === 1 && this.#fatal) { this.#pending = new Uint8Array(0); this.#started = false; throw codedError(TypeError, 'ERR_ENCODING_INVALID_ENCODED_DATA', 'The encoded data was not valid for encoding utf-16le'); }
      text = decodeBytes(bytes, 'utf16le') + (bytes.length % 2 === 1 ? '\uFFFD' : '');
      if (this.#fatal && !text.isWellFormed()) { this.#started = false; throw codedError(TypeError, 'ERR_ENCODING_INVALID_ENCODED_DATA', 'The encoded data was not valid for encoding utf-16le'); }
      if (!this.#fatal) text = text.toWellFormed();
    }
    if (!this.#started && text.length > 0) {
      if (!this.#ignoreBOM && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      this.#started = true;
    }
    if (!stream) this.#started = false;
    return text;
  }
}
module.exports = { TextEncoder, TextDecoder };
