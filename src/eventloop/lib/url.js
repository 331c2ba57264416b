// url.js: the WHATWG URL and URLSearchParams (node's globals and `require('url')`'s).
//
// HOW: a parser after the URL Standard's state machine, kept to what teaching snippets use:
// special schemes (http, https, ws, wss, ftp, file) with authority, IPv4 hosts (also hex and
// short forms), bracketed IPv6 hosts (lowercased, not re-compressed), default ports dropped,
// dot segments, percent-encoding sets; non-special schemes with an authority or an opaque path
// (mailto:, data:); relative references resolved against a base. A parse failure throws node's
// `TypeError: Invalid URL` with `code: 'ERR_INVALID_URL'`, `input` (and `base`). An
// internationalised host name (punycode) throws an Error naming it as not supported.
// WHY: QuickJS has no URL; node's is native (ada), this one is plain JavaScript.
//
// Bridge names: utf8Encode, utf8Decode (through buffer.js), in BRIDGE in
// src/eventloop/host/bridge.rs.
//
// LAZY: the code runs from lib/lazy/url.js, compiled on first use (`lazyModule`).

  // ---------------------------------------------------------------- URL and URLSearchParams (loaded on first use)
  const urlLib = lazyLib(() => lazyModule('url', { utf8Decode: mn.utf8Decode, bytesOf, codedError, enc, inspect, invalidArgType, kInspectCustom, nodeError, path }));
