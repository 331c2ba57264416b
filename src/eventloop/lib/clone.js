// clone.js: structuredClone, the HTML structured clone as V8's serializer does it: primitives,
// plain objects (own enumerable string keys, getters read, prototypes dropped), arrays (holes and
// extra keys kept), Date, RegExp, Map, Set, boxed primitives, Error kinds, ArrayBuffer, typed
// arrays and DataView (a Buffer comes back a Uint8Array), and cycles and shared references.
//
// HOW: one walk with a memo (original -> copy). A function, a symbol, a WeakMap, a Promise ...
// throws node's `DOMException [DataCloneError]: <value> could not be cloned.` (QuickJS's
// DOMException). The `transfer` option is refused by name.
// WHY: QuickJS has no structuredClone; the JSON round trip it replaces lost Map, Date, cycles.
//
// LAZY: the code runs from lib/lazy/clone.js, compiled on first use (`lazyModule`).

  // ---------------------------------------------------------------- structuredClone (loaded on first use)
  const cloneLib = lazyLib(() => lazyModule('clone', { BufferClass, codedError }));
