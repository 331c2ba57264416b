// lazy/worker_threads.js: the code of lib/worker_threads.js that runs on first use (see that file
// for what and how): the Worker class, MessagePort and MessageChannel, and in a worker thread its
// parentPort, workerData and the report of its uncaught error.
//
// LAZY: not part of the prelude. host/lazy.rs embeds this file (`mn.lazySource('worker_threads')`);
// `workerThreadsLib()` in lib/worker_threads.js compiles it on first use (in a worker, before its
// script), as one CommonJS body whose `exports` argument carries the prelude's names it needs
// (the bridge's functions among them, as `native`), and whose `module.exports` is what it makes.
//
// Shared with Rust: the completion names (onreceive, ondrain, onpeerclose, ononline, onstdout,
// onstderr, onerror, onexit, onack, onterminate) *Must* match src/eventloop/worker/link.rs and
// src/eventloop/host/worker_threads.rs; `info` is `mn.workerInfo`.
'use strict';
const {
  EventEmitter, nextTick, inspect, invalidArgType, nodeError, codedError, path, process, writeOut,
  ioOpen, ioRef, ioClose, ioHandles, kNodeReport, sourceContext, streams, BufferFn, cloneLib,
  emitWith, info, native, traceMessage,
} = exports;
// A traced run reports each message that crosses to or from another thread (the trace's
// `message` event), in its inspected form.
function traced(sent, peer, value) {
  if (traceMessage !== null) traceMessage(sent, peer, inspect(value, { breakLength: Infinity }));
}
const { serialize, deserialize } = cloneLib();
// A value's clone, or node's DataCloneError: its stack from the API the caller called (`fn`,
// node's `site` frame below the DOMException's own).
function cloneFor(value, fn, site) {
  try {
    return serialize(value);
  } catch (e) {
    if (!(e instanceof DOMException)) throw e;
    const here = {};
    Error.captureStackTrace(here, fn);
    const frames = String(here.stack).split('\n').slice(1);
    const lines = ['    at new DOMException (node:internal/per_context/domexception:53:5)', ...(site ? [`    at ${site}`] : []), ...frames];
    const head = String(e.stack).split('\n')[0];
    const limit = typeof Error.stackTraceLimit === 'number' ? Error.stackTraceLimit : 10;
    Object.defineProperty(e, 'stack', { value: [head, ...lines.slice(0, limit)].join('\n'), writable: true, configurable: true });
    throw e;
  }
}

const isMainThread = info === null;
const threadId = isMainThread ? 0 : info.threadId;

// What a postMessage's transfer list (`[...]` or `{ transfer }`) moves: ArrayBuffers are detached
// in the sender once cloned, as node's are; a MessagePort cannot move to another thread here.
function transferList(arg) {
  if (arg === undefined || arg === null) return [];
  let list = [];
  if (Array.isArray(arg)) list = arg;
  else if (typeof arg === 'object' && arg.transfer !== undefined && arg.transfer !== null) list = [...arg.transfer];
  for (const x of list) {
    if (x instanceof MessagePort) throw notProvided('Transferring a MessagePort');
  }
  return list;
}
function detach(list) {
  for (const x of list) {
    if (x instanceof ArrayBuffer && typeof x.transfer === 'function' && !x.detached) x.transfer();
  }
}

// ---------------------------------------------------------------- node's frames
// What node's stacks show below a listener of these events (errors.js's `__emitWith` prints them).
const HYBRID = [
  '[nodejs.internal.kHybridDispatch] (node:internal/event_target:831:20)',
  'MessagePort.<anonymous> (node:internal/per_context/messageport:23:28)',
];
const ON_MESSAGE = 'MessagePort.<anonymous> (node:internal/worker:233:57)';
const TAILS = {
  online: ['[kOnMessage] (node:internal/worker:340:21)', ON_MESSAGE, ...HYBRID],
  message: ['MessagePort.<anonymous> (node:internal/worker:268:53)', ...HYBRID],
  error: ['[kOnErrorMessage] (node:internal/worker:333:10)', '[kOnMessage] (node:internal/worker:344:37)', ON_MESSAGE, ...HYBRID],
  exit: ['[kOnExit] (node:internal/worker:322:10)', 'Worker.<computed>.onexit (node:internal/worker:230:20)'],
};
// what node's stack shows below the emit frame (events.js's emit prints that one, for one
// listener or several)
function emitFrames(target, type) {
  return TAILS[type];
}

// ---------------------------------------------------------------- errors
const ERRORS = { Error, TypeError, RangeError, URIError, SyntaxError, ReferenceError, EvalError };
function notProvided(what) {
  return codedError(Error, 'ERR_MINI_NODE_NOT_PROVIDED', `${what} is not provided by mini-node. Run this script with real node instead.`);
}
// node's error-serdes: an error crosses as its constructor's name and every property up its
// prototype chain whose value is not a function or symbol (descriptors kept); anything else as a
// cloned value, or failing that its inspection.
function serializeError(error) {
  if (error !== null && typeof error === 'object' && Object.prototype.toString.call(error) === '[object Error]') {
    for (let o = error; o !== null; o = Object.getPrototypeOf(o)) {
      const c = Object.getOwnPropertyDescriptor(o, 'constructor');
      const n = c && typeof c.value === 'function' ? Object.getOwnPropertyDescriptor(c.value, 'name') : undefined;
      const name = n && n.value;
      if (!Object.prototype.hasOwnProperty.call(ERRORS, name)) continue;
      try {
        return JSON.stringify(['ERR', name, allProperties(error)]);
      } catch (e) {
        break;
      }
    }
  }
  try {
    return JSON.stringify(['VAL', serialize(error)]);
  } catch (e) {
    return JSON.stringify(['INS', inspect(error)]);
  }
}
function allProperties(error) {
  const chain = [];
  for (let o = error; o !== null; o = Object.getPrototypeOf(o)) chain.unshift(o);
  const all = new Map();
  for (const o of chain) {
    for (const key of Object.getOwnPropertyNames(o)) {
      const d = Object.getOwnPropertyDescriptor(o, key);
      if (d.get && key !== '__proto__') {
        try { d.value = d.get.call(error); } catch (e) { /* as node: go on */ }
      }
      if (!('value' in d) || typeof d.value === 'function' || typeof d.value === 'symbol') continue;
      all.set(key, [key, serialize(d.value), !!d.enumerable, d.writable !== false, !!d.configurable]);
    }
  }
  return Array.from(all.values());
}
function deserializeError(text) {
  const node = JSON.parse(text);
  if (node[0] === 'VAL') return deserialize(node[1]);
  if (node[0] === 'INS') return node[1];
  const props = { [Symbol.toStringTag]: { value: 'Error', configurable: true } };
  for (const [key, value, enumerable, writable, configurable] of node[2]) {
    props[key] = { value: deserialize(value), enumerable, writable, configurable };
  }
  return Object.create(ERRORS[node[1]].prototype, props);
}
// node's report of a worker's error that no 'error' listener took: event_target rethrows it on
// the next tick, and the report names the emit on the Worker.
const REPORT_SITE = '\nnode:internal/event_target:1105\n  process.nextTick(() => { throw err; });\n                           ^\n';
const DISPATCH_SITE = 'node:internal/event_target:1105\n  process.nextTick(() => { throw err; });\n                           ^\n\n';
// An error a listener threw inside node's EventTarget dispatch: thrown again on the next tick.
function throwOnTick(err) {
  if (err !== null && typeof err === 'object') {
    try {
      Object.defineProperty(err, kNodeReport, { value: () => DISPATCH_SITE + inspect(err, { depth: 5 }) + '\n', configurable: true });
    } catch (e) { /* a frozen object: the plain report */ }
  }
  nextTick(() => { throw err; });
}
// (the emit's own stack: as many frames as Error.stackTraceLimit allows)
function emittedAt() {
  const limit = typeof Error.stackTraceLimit === 'number' ? Math.max(0, Error.stackTraceLimit) : 10;
  return "\nEmitted 'error' event on Worker instance at:" + TAILS.error.slice(0, limit).map((f) => `\n    at ${f}`).join('');
}

// ---------------------------------------------------------------- MessagePort and MessageChannel
const kHandle = Symbol('kHandle');
const kQueue = Symbol('kQueue');
const kStarted = Symbol('kStarted');
const kClosed = Symbol('kClosed');
const kPeer = Symbol('kPeer');
const kOnMessage = Symbol('kOnMessage');
const kEnqueue = Symbol('kEnqueue');
const kArrive = Symbol('kArrive');
const kDeliver = Symbol('kDeliver');
const kConstruct = Symbol('kConstruct');
// node keeps a port (and a Worker) referenced while it has 'message' listeners, and starts it
// with the first one.
function setupPortReferencing(port, emitter) {
  emitter.on('newListener', (name) => {
    if (name === 'message' && emitter.listenerCount('message') === 0) {
      port.ref();
      port.start();
    }
  });
  emitter.on('removeListener', (name) => {
    if (name === 'message' && emitter.listenerCount('message') === 0) {
      port[kStarted] = false;
      port.unref();
    }
  });
}
class MessagePort extends EventEmitter {
  constructor(token, handle) {
    if (token !== kConstruct) throw codedError(TypeError, 'ERR_CONSTRUCT_CALL_INVALID', 'Constructor cannot be called');
    super();
    this[kQueue] = [];
    this[kStarted] = false;
    this[kClosed] = false;
    this[kPeer] = null;
    this[kOnMessage] = null;
    const io = {
      onreceive: (text) => this[kArrive](text),
      ondrain: () => this[kDeliver](),
      onpeerclose: () => this.close(),
      onclose: () => this.emit('close'),
    };
    if (handle === undefined) {
      this[kHandle] = ioOpen('MessagePort', io, false);
    } else {
      this[kHandle] = handle;
      ioHandles.set(handle, io);
    }
    setupPortReferencing(this, this);
  }
  postMessage(...args) {
    if (args.length === 0) throw codedError(TypeError, 'ERR_MISSING_ARGS', 'Not enough arguments to MessagePort.postMessage');
    const moved = transferList(args[1]);
    const text = cloneFor(args[0], MessagePort.prototype.postMessage);
    detach(moved);
    if (this[kClosed]) return;
    if (this[kPeer] !== null) this[kPeer][kEnqueue](text);
    else {
      traced(true, 'parent thread', args[0]);
      native.post(this[kHandle], text);
    }
  }
  // a message from another thread, in this poll-phase completion: delivered now if nothing waits
  // before it, else queued behind
  [kArrive](text) {
    if (this[kStarted] && !this[kClosed] && this[kQueue].length === 0) {
      this[kQueue].push(text);
      this[kDeliver]();
    } else {
      this[kEnqueue](text);
    }
  }
  // a message posted in this thread: delivered one per poll-phase completion once started
  [kEnqueue](text) {
    if (this[kClosed]) return;
    this[kQueue].push(text);
    if (this[kStarted]) native.kick(this[kHandle], 1);
  }
  [kDeliver]() {
    if (!this[kStarted] || this[kClosed] || this[kQueue].length === 0) return;
    const value = deserialize(this[kQueue].shift());
    if (this[kPeer] === null) traced(false, 'parent thread', value);
    if (typeof this[kOnMessage] === 'function') this[kOnMessage].call(this, { data: value, target: this, type: 'message' });
    emitWith(this, 'message', HYBRID, true, value);
  }
  start() {
    if (this[kStarted] || this[kClosed]) return;
    this[kStarted] = true;
    if (this[kQueue].length > 0) native.kick(this[kHandle], this[kQueue].length);
  }
  close(cb) {
    if (typeof cb === 'function') this.once('close', cb);
    if (this[kClosed]) return;
    this[kClosed] = true;
    this[kQueue] = [];
    ioClose(this[kHandle]);
    const peer = this[kPeer];
    if (peer !== null) peer.close();
    else native.close(this[kHandle]);
  }
  ref() { if (!this[kClosed]) ioRef(this[kHandle], true); return this; }
  unref() { if (!this[kClosed]) ioRef(this[kHandle], false); return this; }
  get onmessage() { return this[kOnMessage]; }
  set onmessage(f) {
    this[kOnMessage] = f;
    if (typeof f === 'function') { this.ref(); this.start(); } else { this[kStarted] = false; this.unref(); }
  }
  get [Symbol.toStringTag]() { return 'EventTarget'; }
}
class MessageChannel {
  constructor() {
    this.port1 = new MessagePort(kConstruct);
    this.port2 = new MessagePort(kConstruct);
    this.port1[kPeer] = this.port2;
    this.port2[kPeer] = this.port1;
  }
}
function receiveMessageOnPort(port) {
  if (!(port instanceof MessagePort)) {
    throw invalidArgType('port', 'MessagePort', port);
  }
  if (port[kQueue].length === 0) return undefined;
  return { message: deserialize(port[kQueue].shift()) };
}

// ---------------------------------------------------------------- Worker
const kThreadId = Symbol('kThreadId');
// setEnvironmentData's values: a new worker gets a copy
const environmentData = new Map();
const kStdout = Symbol('kStdout');
const kStderr = Symbol('kStderr');
const kOnline = Symbol('kOnline');
const kEarlyStop = Symbol('kEarlyStop');
const SHARE_ENV = Symbol.for('nodejs.worker_threads.SHARE_ENV');
function workerPath(filename) {
  if (filename !== null && typeof filename === 'object' && typeof filename.href === 'string') {
    if (filename.protocol !== 'file:') throw nodeError(TypeError, 'ERR_INVALID_URL_SCHEME', 'The URL must be of scheme file');
    return path.resolve(decodeURIComponent(filename.pathname));
  }
  if (!path.isAbsolute(filename) && !/^\.\.?[\\/]/.test(filename)) {
    throw nodeError(TypeError, 'ERR_WORKER_PATH', `The worker script or module filename must be an absolute path or a relative path starting with './' or '../'. Received "${filename}"`);
  }
  return path.resolve(filename);
}
class Worker extends EventEmitter {
  constructor(filename, options = {}) {
    super();
    const isUrl = filename !== null && typeof filename === 'object' && typeof filename.href === 'string';
    if (typeof filename !== 'string' && !isUrl) throw invalidArgType('filename', 'string or an instance of URL', filename);
    if (options === null || typeof options !== 'object') throw invalidArgType('options', 'Object', options);
    const isEval = !!options.eval;
    if (isEval && typeof filename !== 'string') throw nodeError(TypeError, 'ERR_WORKER_UNSUPPORTED_OPERATION', 'Evaluating a URL is not supported');
    if (!isEval) filename = workerPath(filename);
    let argv = [];
    if (options.argv !== undefined) {
      if (!Array.isArray(options.argv)) {
        const e = invalidArgType('options.argv', 'Array', options.argv);
        e.message = e.message.replace('argument must be of type Array', 'property must be an instance of Array');
        throw e;
      }
      argv = options.argv.map(String);
    }
    let env = process.env;
    if (options.env !== undefined && options.env !== null && options.env !== SHARE_ENV) {
      if (typeof options.env !== 'object') throw invalidArgType('options.env', 'object', options.env);
      env = options.env;
    }
    const envCopy = {};
    for (const k of Object.keys(env)) envCopy[k] = String(env[k]);
    this[kThreadId] = native.threadId();
    const moved = transferList(options.transferList);
    // workerData and the environment data set so far (setEnvironmentData), cloned together
    const data = JSON.stringify([
      cloneFor(options.workerData, Worker, 'new Worker (node:internal/worker:271:17)'),
      cloneFor(environmentData, Worker, 'new Worker (node:internal/worker:271:17)'),
    ]);
    detach(moved);
    this[kQueue] = [];
    this[kStarted] = false;
    this[kOnline] = false;
    this[kEarlyStop] = false;
    this[kStdout] = options.stdout ? new (streams().stream.Readable)({ read() {} }) : null;
    this[kStderr] = options.stderr ? new (streams().stream.Readable)({ read() {} }) : null;
    this[kHandle] = ioOpen('Worker', {
      ononline: () => {
        this[kOnline] = true;
        if (!this[kEarlyStop]) emitWith(this, 'online', emitFrames(this, 'online'), true);
      },
      onreceive: (text) => this[kArrive](text),
      ondrain: () => this[kDeliver](),
      onstdout: (text) => this.#stdio(1, text),
      onstderr: (text) => this.#stdio(2, text),
      onerror: (text) => this.#error(deserializeError(text)),
      onexit: (code) => this.#exit(code),
      onpeerclose() {},
      onclose() {},
    }, true);
    this.on('newListener', (name) => { if (name === 'message' && this.listenerCount('message') === 0) this.#start(); });
    this.on('removeListener', (name) => { if (name === 'message' && this.listenerCount('message') === 0) this[kStarted] = false; });
    native.start(this[kHandle], { threadId: this[kThreadId], filename, eval: isEval, data, argv, env: envCopy });
  }
  // node's public port: messages wait until a 'message' listener starts it
  #start() {
    if (this[kStarted]) return;
    this[kStarted] = true;
    if (this[kQueue].length > 0 && this[kHandle] !== null) native.kick(this[kHandle], this[kQueue].length);
  }
  [kArrive](text) {
    this[kQueue].push(text);
    if (!this[kStarted]) return;
    if (this[kQueue].length === 1) this[kDeliver]();
    else native.kick(this[kHandle], 1);
  }
  [kDeliver]() {
    if (!this[kStarted] || this[kQueue].length === 0) return;
    const value = deserialize(this[kQueue].shift());
    traced(false, `thread ${this.threadId}`, value);
    emitWith(this, 'message', emitFrames(this, 'message'), true, value);
  }
  #stdio(stream, text) {
    const readable = stream === 1 ? this[kStdout] : this[kStderr];
    if (readable !== null) readable.push(BufferFn.from(text));
    else writeOut(stream, text);
    if (this[kHandle] !== null) native.ack(this[kHandle], stream);
  }
  #error(err) {
    if (this.listenerCount('error') > 0 || err === null || typeof err !== 'object') {
      emitWith(this, 'error', emitFrames(this, 'error'), true, err);
      return;
    }
    Object.defineProperty(err, kNodeReport, {
      value: () => {
        try { err.stack = String(err.stack) + emittedAt(); } catch (e) { /* keep the stack */ }
        return REPORT_SITE + inspect(err, { depth: 5 }) + '\n';
      },
      configurable: true,
    });
    nextTick(() => { throw err; });
  }
  #exit(code) {
    const handle = this[kHandle];
    if (handle === null) return;
    if (this[kEarlyStop]) code = 0;
    // node delivers the messages already queued first
    while (this[kStarted] && this[kQueue].length > 0) this[kDeliver]();
    this[kHandle] = null;
    ioClose(handle);
    native.ended(handle);
    for (const readable of [this[kStdout], this[kStderr]]) if (readable !== null) readable.push(null);
    emitWith(this, 'exit', emitFrames(this, 'exit'), false, code);
    this.removeAllListeners();
  }
  postMessage(...args) {
    if (this[kHandle] === null) return;
    if (args.length === 0) throw codedError(TypeError, 'ERR_MISSING_ARGS', 'Not enough arguments to MessagePort.postMessage');
    const moved = transferList(args[1]);
    const text = cloneFor(args[0], Worker.prototype.postMessage, 'Worker.postMessage (node:internal/worker:385:5)');
    detach(moved);
    traced(true, `thread ${this.threadId}`, args[0]);
    native.post(this[kHandle], text);
  }
  terminate(callback) {
    if (typeof callback === 'function') {
      process.emitWarning('Passing a callback to worker.terminate() is deprecated. It returns a Promise instead.', 'DeprecationWarning', 'DEP0132');
      if (this[kHandle] === null) return Promise.resolve().then(callback);
      this.once('exit', (code) => callback(null, code));
    }
    if (this[kHandle] === null) return Promise.resolve();
    // stopped before it was seen running: node's worker had not started, and exits with 0
    if (!this[kOnline]) this[kEarlyStop] = true;
    native.stop(this[kHandle]);
    return new Promise((resolve) => { this.once('exit', resolve); });
  }
  ref() { if (this[kHandle] !== null) ioRef(this[kHandle], true); }
  unref() { if (this[kHandle] !== null) ioRef(this[kHandle], false); }
  get threadId() { return this[kHandle] === null ? -1 : this[kThreadId]; }
  get stdin() { return null; }
  get stdout() { return this[kStdout]; }
  get stderr() { return this[kStderr]; }
  get resourceLimits() { return this[kHandle] === null ? {} : { maxYoungGenerationSizeMb: 0, maxOldGenerationSizeMb: 0, codeRangeSizeMb: 0, stackSizeMb: 4 }; }
  getHeapSnapshot() { return Promise.reject(notProvided('worker.getHeapSnapshot()')); }
}

// ---------------------------------------------------------------- in a worker thread
let parentPort = null;
let workerData = null;
const thrownByEval = new WeakSet();
if (!isMainThread) {
  parentPort = new MessagePort(kConstruct, info.port);
  ioHandles.set(info.internal, { onack: (stream) => native.more(stream), onterminate() {} });
  const [data, environment] = JSON.parse(info.data);
  workerData = deserialize(data);
  for (const [k, v] of deserialize(environment)) environmentData.set(k, v);
}
// node's loader frames below a worker's missing file and below its syntax error
const NOT_FOUND_FRAMES = [
  'Function._resolveFilename (node:internal/modules/cjs/loader:1207:15)',
  'Function._load (node:internal/modules/cjs/loader:1038:27)',
  'Function.executeUserEntryPoint [as runMain] (node:internal/modules/run_main:164:12)',
  'MessagePort.<anonymous> (node:internal/main/worker_thread:192:26)',
  ...HYBRID,
];
const SYNTAX_FRAMES = [
  'wrapSafe (node:internal/modules/cjs/loader:1464:18)',
  'Module._compile (node:internal/modules/cjs/loader:1495:20)',
  'Object..js (node:internal/modules/cjs/loader:1623:10)',
  'Module.load (node:internal/modules/cjs/loader:1266:32)',
  'Function._load (node:internal/modules/cjs/loader:1091:12)',
  'Function.executeUserEntryPoint [as runMain] (node:internal/modules/run_main:164:12)',
  'MessagePort.<anonymous> (node:internal/main/worker_thread:192:26)',
  ...HYBRID,
];
const EVAL_SYNTAX_FRAMES = [
  'makeContextifyScript (node:internal/vm:185:14)',
  'node:internal/process/execution:107:22',
  '[worker eval]-wrapper:6:24',
  'runScript (node:internal/process/execution:101:62)',
  'evalScript (node:internal/process/execution:133:3)',
  'MessagePort.<anonymous> (node:internal/main/worker_thread:173:9)',
  ...HYBRID,
];
function withStack(err, head, frames) {
  Object.defineProperty(err, 'stack', { value: `${head}\n    at ${frames.join('\n    at ')}`, writable: true, configurable: true });
  return err;
}
function notFound(file) {
  const message = `Cannot find module '${file}'`;
  const err = withStack(new Error(message), `Error: ${message}`, NOT_FOUND_FRAMES);
  err.code = 'MODULE_NOT_FOUND';
  err.requireStack = [];
  return err;
}
// mn.compile's report (`file:line`, the line, the caret, `SyntaxError: message`) as node's
// worker gets its SyntaxError
function syntaxError(e, isEval) {
  const report = e && typeof e.message === 'string' ? e.message : '';
  const m = report.match(/^([^]*?\^[^\n]*\n)\n(\w+): ([^\n]*)/);
  if (m === null) return e;
  const Kind = Object.prototype.hasOwnProperty.call(ERRORS, m[2]) ? ERRORS[m[2]] : SyntaxError;
  return withStack(new Kind(m[3]), `${m[1]}\n${m[2]}: ${m[3]}`, isEval ? EVAL_SYNTAX_FRAMES : SYNTAX_FRAMES);
}
// An error thrown by a worker's `eval` code as it ran: node's stack starts with its source line.
function markThrownByEval(e) {
  if (e !== null && typeof e === 'object') thrownByEval.add(e);
}
function fatal(err) {
  if (thrownByEval.has(err)) {
    const head = sourceContext(err, true);
    if (head) {
      try {
        Object.defineProperty(err, 'stack', { value: `${head}\n${err.stack}`, writable: true, configurable: true });
      } catch (e) { /* keep the stack */ }
    }
  }
  native.error(serializeError(err));
}
function online() { native.online(); }

// ---------------------------------------------------------------- the module
const workerThreads = {
  isMainThread,
  MessagePort,
  MessageChannel,
  markAsUntransferable() {},
  moveMessagePortToContext() { throw notProvided('worker_threads.moveMessagePortToContext'); },
  postMessageToThread() { throw notProvided('worker_threads.postMessageToThread'); },
  receiveMessageOnPort,
  resourceLimits: {},
  threadId,
  SHARE_ENV,
  Worker,
  parentPort,
  workerData,
  BroadcastChannel: function BroadcastChannel() { throw notProvided('worker_threads.BroadcastChannel'); },
  setEnvironmentData(key, value) { if (value === undefined) environmentData.delete(key); else environmentData.set(key, value); },
  getEnvironmentData(key) { return environmentData.get(key); },
};
module.exports = { module: workerThreads, throwOnTick, online, fatal, notFound, syntaxError, thrownByEval: markThrownByEval };
