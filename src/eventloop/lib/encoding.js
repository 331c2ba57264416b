// encoding.js: the WHATWG TextEncoder (utf-8) and TextDecoder (utf-8 and utf-16le, with
// `fatal`, `ignoreBOM` and `{ stream: true }`).
//
// HOW: utf-8 bytes come from buffer.js's `enc` (`mn.utf8Encode`); decoding is done here so that
// `fatal` can refuse a bad sequence and `stream` can keep an unfinished one for the next call.
// A label node knows but mini-node does not decode (windows-1252, shift_jis ...) throws an Error
// naming it; an unknown label throws node's `RangeError [ERR_ENCODING_NOT_SUPPORTED]`.
// WHY: QuickJS has no TextEncoder/TextDecoder of its own.
//
// Bridge names: utf8Encode (through buffer.js's `enc`), in BRIDGE in
// src/eventloop/host/bridge.rs.
//
// LAZY: the code runs from lib/lazy/encoding.js, compiled on first use (`lazyModule`).

  // ---------------------------------------------------------------- TextEncoder / TextDecoder (loaded on first use)
  const encodingLib = lazyLib(() => lazyModule('encoding', { utf8Decode: mn.utf8Decode, bytesOf, codedError, decodeBytes, enc, decode, inspect, invalidArgType, kInspectCustom, nodeError }));
