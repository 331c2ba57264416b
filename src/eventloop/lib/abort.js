// abort.js: EventTarget and Event (the part AbortSignal needs), AbortController and AbortSignal:
// abort(reason), aborted, reason, the 'abort' event (addEventListener, `once`, onabort),
// throwIfAborted, AbortSignal.abort(), AbortSignal.timeout(ms) and AbortSignal.any(signals).
//
// HOW: listeners run synchronously inside abort(), in the order they were added (onabort takes
// its place when first set, as an event handler attribute does). AbortSignal.timeout arms an
// unref'd timer on the scheduler's timers list (timers.js), as node's does: it fires in the
// timers phase and does not keep the loop alive. Reasons are QuickJS's DOMException
// (AbortError, TimeoutError).
// WHY: QuickJS has no EventTarget or AbortController.
//
// LAZY: the code runs from lib/lazy/abort.js, compiled on first use (`lazyModule`).

  // ---------------------------------------------------------------- EventTarget, Event, AbortController, AbortSignal (loaded on first use)
  const abortLib = lazyLib(() => lazyModule('abort', { now: mn.now, inspect, invalidArgType, kInspectCustom, nextTick, nodeError, outOfRange }));
