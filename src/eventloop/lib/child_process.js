// child_process.js: require('child_process') (fork, spawn, exec, execFile and their Sync forms,
// ChildProcess) and the child's side of the IPC channel (process.send, process.on('message'),
// process.disconnect, process.channel), ported from node v20's lib/child_process.js and
// lib/internal/child_process.js.
//
// HOW: a child is a real OS process started by Rust (`mn.cpSpawn`); its process handle posts
// `onexit([code, signal])`, and each pipe handle (`CpPipe`: a piped stdio slot, or the IPC channel
// on fd 3) posts what it reads (`ondata` / `onend`, or `onread([lines, fds, buffering])` for the
// channel). Piped stdio are streams (lib/lazy/stream.js, loaded when first piped). The channel
// speaks node's `json` serialization: `JSON.stringify(message) + '\n'`, internal messages with a
// `cmd` starting `NODE_`, a handle passed as `{ cmd: 'NODE_HANDLE', type, msg }` with the
// descriptor beside it (SCM_RIGHTS) and acknowledged by `NODE_HANDLE_ACK`, so mini-node and node
// talk to each other either way. setupChannel, the ChildProcess state machine (exit, close after
// every pipe closed, disconnect on a nextTick) and the errors are node's, line for line where the
// order of events depends on it. A forked mini-node child runs `<this binary> run <module>`.
// WHY: the order of 'message', 'disconnect', 'exit' and 'close' is the lesson; node's IPC wire
// format is what lets a node parent fork a mini-node child and the reverse.
//
// In the child, `cpForkChild` runs before the main script when NODE_CHANNEL_FD is set (as node's
// pre-execution does); it keeps the channel unreferenced except while 'message' / 'disconnect'
// listeners exist, so a child with a message listener lives until the parent disconnects.
//
// Shared with Rust: the handle kinds ('ChildProcess', 'Pipe', 'process.channel') *Must* match
// handle_kind in src/eventloop/host/handle.rs; the events and the stdio entries (['ignore'],
// ['fd', n], ['pipe', id], ['ipc', id]) *Must* match src/eventloop/host/child_process.rs.
// Bridge names: execPath, cpSpawn, cpKill, cpSpawnSync, pipeOpen, pipeWrite, pipeShutdown,
// fdClose, errname, kill, in BRIDGE in src/eventloop/host/bridge.rs.

  // ---------------------------------------------------------------- child_process
  // Linux's signal numbers (os.constants.signals).
  const CP_SIGNALS = {
    __proto__: null, SIGHUP: 1, SIGINT: 2, SIGQUIT: 3, SIGILL: 4, SIGTRAP: 5, SIGABRT: 6, SIGIOT: 6,
    SIGBUS: 7, SIGFPE: 8, SIGKILL: 9, SIGUSR1: 10, SIGSEGV: 11, SIGUSR2: 12, SIGPIPE: 13,
    SIGALRM: 14, SIGTERM: 15, SIGCHLD: 17, SIGSTKFLT: 16, SIGCONT: 18, SIGSTOP: 19, SIGTSTP: 20,
    SIGTTIN: 21, SIGTTOU: 22, SIGURG: 23, SIGXCPU: 24, SIGXFSZ: 25, SIGVTALRM: 26, SIGPROF: 27,
    SIGWINCH: 28, SIGIO: 29, SIGPOLL: 29, SIGPWR: 30, SIGSYS: 31,
  };
  const UV_EACCES = -13, UV_EAGAIN = -11, UV_EMFILE = -24, UV_ENFILE = -23, UV_ENOENT = -2;
  const UV_ESRCH = -3, UV_EINVAL = -22, UV_ENOSYS = -38;
  const CP_MAX_BUFFER = 1024 * 1024;
  const MAX_HANDLE_RETRANSMISSIONS = 3;
  const kChannelHandle = Symbol('kChannelHandle');
  const kPendingMessages = Symbol('kPendingMessages');
  const cpNop = () => {};

  function convertToValidSignal(signal) {
    if (typeof signal === 'number' && Object.values(CP_SIGNALS).includes(signal)) return signal;
    if (typeof signal === 'string') {
      const n = CP_SIGNALS[signal.toUpperCase()];
      if (n) return n;
    }
    throw nodeError(TypeError, 'ERR_UNKNOWN_SIGNAL', `Unknown signal: ${signal}`);
  }
  // node's errnoException: `${syscall} ${code}`, with errno, code and syscall.
  function errnoException(err, syscall, original) {
    const code = mn.errname(err)[1];
    const message = original ? `${syscall} ${code} ${original}` : `${syscall} ${code}`;
    const ex = new Error(message);
    ex.errno = err;
    ex.code = code;
    ex.syscall = syscall;
    return ex;
  }
  function cpInvalidArgValue(name, value, reason = 'is invalid') {
    const type = name.includes('.') ? 'property' : 'argument';
    return nodeError(TypeError, 'ERR_INVALID_ARG_VALUE', `The ${type} '${name}' ${reason}. Received ${inspect(value)}`);
  }
  function cpArgType(name, type, value) {
    const e = invalidArgType(name, type, value);
    return nodeError(TypeError, 'ERR_INVALID_ARG_TYPE', e.message);
  }
  function validateObjectArg(value, name) {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) throw cpArgType(name, 'object', value);
  }
  function validateStringArg(value, name) {
    if (typeof value !== 'string') throw cpArgType(name, 'string', value);
  }
  function validateArrayArg(value, name) {
    if (!Array.isArray(value)) throw cpArgType(name, 'an instance of Array', value);
  }
  function validateArgumentNullCheck(arg, propName) {
    if (typeof arg === 'string' && arg.includes('\u0000')) {
      throw cpInvalidArgValue(propName, arg, 'must be a string without null bytes');
    }
  }
  function validateArgumentsNullCheck(args, propName) {
    for (let i = 0; i < args.length; ++i) validateArgumentNullCheck(args[i], `${propName}[${i}]`);
  }
  function validateTimeout(timeout) {
    if (timeout != null && !(Number.isInteger(timeout) && timeout >= 0)) {
      throw outOfRange('timeout', 'an unsigned integer', timeout);
    }
  }
  function validateMaxBuffer(maxBuffer) {
    if (maxBuffer != null && !(typeof maxBuffer === 'number' && maxBuffer >= 0)) {
      throw outOfRange('options.maxBuffer', 'a positive number', maxBuffer);
    }
  }
  function sanitizeKillSignal(killSignal) {
    if (typeof killSignal === 'string' || typeof killSignal === 'number') return convertToValidSignal(killSignal);
    if (killSignal != null) throw cpArgType('options.killSignal', 'string or number', killSignal);
  }

  // ---- handles
  // A raw descriptor that came over the channel (node's TCP / Pipe wrap for 'net.Native').
  class CpRawHandle {
    constructor(fd) { this.fd = fd; }
    close(cb) {
      if (this.fd >= 0) { mn.fdClose(this.fd); this.fd = -1; }
      if (typeof cb === 'function') nextTick(cb);
    }
  }
  // A pipe: a piped stdio slot of a child, or an IPC channel (both ends are Unix sockets).
  class CpPipe {
    constructor(ipc, kind = 'Pipe') {
      this.ipc = ipc;
      this.id = ioOpen(kind, this, true);
      this.closed = false;
      this.buffering = false;
      this.writeQueueSize = 0;
      this.writes = new Map();
      this.nextReq = 1;
      this.closeCallback = null;
      this.onread = cpNop;
      this.ondata = cpNop;
      this.onend = cpNop;
    }
    get fd() { return this.closed ? -1 : this.id; }
    ref() { if (!this.closed) ioRef(this.id, true); }
    unref() { if (!this.closed) ioRef(this.id, false); }
    readStart() {}
    // `data` a string or an ArrayBuffer; `cb(err)` once written. 0, or a negative errno.
    write(data, fd, cb) {
      if (this.closed) return -9;
      const req = this.nextReq++;
      const r = mn.pipeWrite(this.id, data, fd === undefined ? -1 : fd, req);
      if (r === 1) {
        this.writeQueueSize++;
        this.writes.set(req, cb);
        this.lastWriteWasAsync = true;
        return 0;
      }
      this.lastWriteWasAsync = false;
      return r;
    }
    onwritten([req, errno]) {
      const cb = this.writes.get(req);
      this.writes.delete(req);
      this.writeQueueSize--;
      if (typeof cb === 'function') cb(errno);
    }
    shutdown() { if (!this.closed) mn.pipeShutdown(this.id); }
    close(cb) {
      if (this.closed) return;
      this.closed = true;
      this.closeCallback = cb;
      ioClose(this.id);
    }
    onclose() { if (typeof this.closeCallback === 'function') this.closeCallback(); }
  }

  // ---- stdio streams of a child (node's net.Socket on a pipe)
  function cpReadableStdio(pipe) {
    const { Readable } = streams().stream;
    const r = new Readable({ read() {} });
    pipe.ondata = (buf) => { r.push(buf); };
    // node's onStreamRead at the end: push(null), then read(0), which ends a stream nobody reads
    pipe.onend = () => { r.push(null); r.read(0); };
    r._destroy = (err, cb) => { pipe.close(() => cb(err)); };
    r._handle = pipe;
    return r;
  }
  function cpWritableStdio(pipe) {
    const { Writable } = streams().stream;
    const w = new Writable({
      write(chunk, encoding, cb) {
        const data = typeof chunk === 'string' ? chunk : bytesOf(chunk);
        const err = pipe.write(data, -1, (errno) => cb(errno ? errnoException(errno, 'write') : undefined));
        if (err < 0) cb(errnoException(err, 'write'));
        else if (!pipe.lastWriteWasAsync) cb();
      },
      final(cb) { pipe.shutdown(); cb(); },
    });
    w._destroy = (err, cb) => { pipe.close(() => cb(err)); };
    w._handle = pipe;
    return w;
  }

  // ---- ChildProcess
  function ChildProcess() {
    EventEmitter.call(this);
    this._closesNeeded = 1;
    this._closesGot = 0;
    this.connected = false;
    this.signalCode = null;
    this.exitCode = null;
    this.killed = false;
    this.spawnfile = null;
    this._handle = new CpProcessHandle(this);
  }
  Object.setPrototypeOf(ChildProcess.prototype, EventEmitter.prototype);
  Object.setPrototypeOf(ChildProcess, EventEmitter);
  // node's Process wrap: the child's pid, kill, ref, close, and its onexit.
  class CpProcessHandle {
    constructor(owner) {
      this.owner = owner;
      this.id = ioOpen('ChildProcess', this, true);
      this.pid = undefined;
    }
    spawn(options) {
      const r = mn.cpSpawn(this.id, options);
      if (Array.isArray(r)) return r[0];
      this.pid = r;
      return 0;
    }
    kill(signal) { return mn.cpKill(this.id, signal); }
    ref() { ioRef(this.id, true); }
    unref() { ioRef(this.id, false); }
    close() { ioClose(this.id); }
    onexit([exitCode, signalCode]) { cpOnExit(this.owner, exitCode, signalCode); }
  }
  function cpOnExit(self, exitCode, signalCode) {
    if (signalCode) self.signalCode = signalCode;
    else self.exitCode = exitCode;
    if (self.stdin) self.stdin.destroy();
    self._handle.close();
    self._handle = null;
    if (exitCode < 0) {
      const syscall = self.spawnfile ? 'spawn ' + self.spawnfile : 'spawn';
      const err = errnoException(exitCode, syscall);
      if (self.spawnfile) err.path = self.spawnfile;
      err.spawnargs = self.spawnargs.slice(1);
      self.emit('error', err);
    } else {
      self.emit('exit', self.exitCode, self.signalCode);
    }
    nextTick(flushStdio, self);
    maybeClose(self);
  }
  function flushStdio(subprocess) {
    const stdio = subprocess.stdio;
    if (stdio == null) return;
    for (let i = 0; i < stdio.length; i++) {
      const stream = stdio[i];
      if (!stream || !stream.readable) continue;
      stream.resume();
    }
  }
  function stdioStringToArray(stdio, channel) {
    const options = [];
    switch (stdio) {
      case 'ignore':
      case 'overlapped':
      case 'pipe': options.push(stdio, stdio, stdio); break;
      case 'inherit': options.push(0, 1, 2); break;
      default: throw cpInvalidArgValue('stdio', stdio);
    }
    if (channel) options.push(channel);
    return options;
  }
  function getValidStdio(stdio, sync) {
    let ipc;
    let ipcFd;
    if (typeof stdio === 'string') stdio = stdioStringToArray(stdio);
    else if (!Array.isArray(stdio)) throw cpInvalidArgValue('stdio', stdio);
    stdio = stdio.slice();
    while (stdio.length < 3) stdio.push(undefined);
    const acc = [];
    const cleanup = () => {
      for (const a of acc) if ((a.type === 'pipe' || a.type === 'ipc') && a.handle) a.handle.close();
    };
    for (let i = 0; i < stdio.length; i++) {
      let s = stdio[i];
      if (s == null) s = i < 3 ? 'pipe' : 'ignore';
      if (s === 'ignore') {
        acc.push({ type: 'ignore' });
      } else if (s === 'pipe' || s === 'overlapped' || (typeof s === 'number' && s < 0)) {
        const a = { type: 'pipe', readable: i === 0, writable: i !== 0 };
        if (!sync) a.handle = new CpPipe(false);
        acc.push(a);
      } else if (s === 'ipc') {
        if (sync || ipc !== undefined) {
          cleanup();
          if (!sync) throw nodeError(Error, 'ERR_IPC_ONE_PIPE', 'Child process can have only one IPC pipe');
          throw nodeError(Error, 'ERR_IPC_SYNC_FORK', 'IPC cannot be used with synchronous forks');
        }
        ipc = new CpPipe(true);
        ipcFd = i;
        acc.push({ type: 'pipe', handle: ipc, ipc: true });
      } else if (s === 'inherit') {
        acc.push({ type: 'inherit', fd: i });
      } else if (typeof s === 'number' || (s && typeof s.fd === 'number')) {
        acc.push({ type: 'fd', fd: typeof s === 'number' ? s : s.fd });
      } else if (s && s._handle instanceof CpPipe) {
        acc.push({ type: 'wrap', handle: s._handle, _stdio: s });
      } else if (ArrayBuffer.isView(s) || typeof s === 'string') {
        if (!sync) {
          cleanup();
          throw nodeError(TypeError, 'ERR_INVALID_SYNC_FORK_INPUT', `Asynchronous forks do not support Buffer, TypedArray, DataView or string input: ${inspect(s)}`);
        }
      } else {
        cleanup();
        throw cpInvalidArgValue('stdio', s);
      }
    }
    return { stdio: acc, ipc, ipcFd };
  }
  // The stdio entries Rust reads: ['ignore'], ['fd', n], ['pipe', id], ['ipc', id].
  function cpStdioForRust(stdio) {
    return stdio.map((s) => {
      if (s.type === 'pipe' || s.type === 'overlapped') return [s.ipc ? 'ipc' : 'pipe', s.handle ? s.handle.id : -1];
      if (s.type === 'inherit' || s.type === 'fd') return ['fd', s.fd];
      return ['ignore'];
    });
  }
  ChildProcess.prototype.spawn = function (options) {
    validateObjectArg(options, 'options');
    let stdio = options.stdio || 'pipe';
    stdio = getValidStdio(stdio, false);
    const ipc = stdio.ipc;
    const ipcFd = stdio.ipcFd;
    stdio = options.stdio = stdio.stdio;
    if (options.serialization !== undefined && options.serialization !== 'json') {
      if (options.serialization === 'advanced') throw notProvided("child_process's serialization: 'advanced'");
      throw cpInvalidArgValue('options.serialization', options.serialization, "must be one of: undefined, 'json', 'advanced'");
    }
    if (ipc !== undefined) {
      if (options.envPairs === undefined) options.envPairs = [];
      else validateArrayArg(options.envPairs, 'options.envPairs');
      options.envPairs.push(`NODE_CHANNEL_FD=${ipcFd}`);
      options.envPairs.push('NODE_CHANNEL_SERIALIZATION_MODE=json');
    }
    validateStringArg(options.file, 'options.file');
    this.spawnfile = options.file;
    if (options.args === undefined) this.spawnargs = [];
    else {
      validateArrayArg(options.args, 'options.args');
      this.spawnargs = options.args;
    }
    const err = this._handle.spawn({
      file: options.file, args: this.spawnargs, envPairs: options.envPairs, cwd: options.cwd == null ? null : options.cwd,
      stdio: cpStdioForRust(stdio), detached: !!options.detached,
    });
    if (err === UV_EACCES || err === UV_EAGAIN || err === UV_EMFILE || err === UV_ENFILE || err === UV_ENOENT) {
      nextTick(onErrorNT, this, err);
      if (err === UV_EMFILE || err === UV_ENFILE) return err;
    } else if (err) {
      for (const s of stdio) if (s.type === 'pipe' && s.handle) s.handle.close();
      this._handle.close();
      this._handle = null;
      throw errnoException(err, 'spawn');
    } else {
      nextTick(onSpawnNT, this);
    }
    this.pid = this._handle.pid;
    for (let i = 0; i < stdio.length; i++) {
      const stream = stdio[i];
      if (stream.type === 'ignore') continue;
      if (stream.ipc) { this._closesNeeded++; continue; }
      if (stream.type === 'wrap') continue;
      if (stream.handle) {
        stream.socket = i > 0 ? cpReadableStdio(stream.handle) : cpWritableStdio(stream.handle);
        if (i > 0 && this.pid !== 0) {
          this._closesNeeded++;
          stream.socket.on('close', () => { maybeClose(this); });
        }
      }
    }
    this.stdin = stdio.length >= 1 && stdio[0].socket !== undefined ? stdio[0].socket : null;
    this.stdout = stdio.length >= 2 && stdio[1].socket !== undefined ? stdio[1].socket : null;
    this.stderr = stdio.length >= 3 && stdio[2].socket !== undefined ? stdio[2].socket : null;
    this.stdio = [];
    for (let i = 0; i < stdio.length; i++) this.stdio.push(stdio[i].socket === undefined ? null : stdio[i].socket);
    if (ipc !== undefined) setupChannel(this, ipc, 'json');
    return err;
  };
  function onErrorNT(self, err) { self._handle.onexit([err, undefined]); }
  function onSpawnNT(self) { self.emit('spawn'); }
  ChildProcess.prototype.kill = function (sig) {
    const signal = sig === 0 ? sig : convertToValidSignal(sig === undefined ? 'SIGTERM' : sig);
    if (this._handle) {
      const err = this._handle.kill(signal);
      if (err === 0) {
        this.killed = true;
        return true;
      }
      if (err === UV_ESRCH) {
        // already dead
      } else if (err === UV_EINVAL || err === UV_ENOSYS) {
        throw errnoException(err, 'kill');
      } else {
        this.emit('error', errnoException(err, 'kill'));
      }
    }
    return false;
  };
  ChildProcess.prototype.ref = function () { if (this._handle) this._handle.ref(); };
  ChildProcess.prototype.unref = function () { if (this._handle) this._handle.unref(); };
  function maybeClose(subprocess) {
    subprocess._closesGot++;
    if (subprocess._closesGot === subprocess._closesNeeded) {
      subprocess.emit('close', subprocess.exitCode, subprocess.signalCode);
    }
  }

  // ---- the IPC channel (both sides)
  class Control extends EventEmitter {
    #channel = null;
    #refs = 0;
    #refExplicitlySet = false;
    constructor(channel) {
      super();
      this.#channel = channel;
      this[kPendingMessages] = [];
    }
    refCounted() {
      if (++this.#refs === 1 && !this.#refExplicitlySet) this.#channel.ref();
    }
    unrefCounted() {
      if (--this.#refs === 0 && !this.#refExplicitlySet) {
        this.#channel.unref();
        this.emit('unref');
      }
    }
    ref() { this.#refExplicitlySet = true; this.#channel.ref(); }
    unref() { this.#refExplicitlySet = true; this.#channel.unref(); }
    get fd() { return this.#channel ? this.#channel.fd : undefined; }
  }
  function cpIsInternal(message) {
    return message !== null && typeof message === 'object' && typeof message.cmd === 'string' &&
      message.cmd.length > 5 && message.cmd.slice(0, 5) === 'NODE_';
  }
  function closePendingHandle(target) {
    target._pendingMessage.handle.close();
    target._pendingMessage = null;
  }
  // What net offers for handles (once lib/net.js exists): its classes, or undefined.
  function cpNet() {
    return typeof netModule === 'object' ? netModule : undefined;
  }
  // node's handleConversion: how each kind of handle is sent and received.
  const handleConversion = {
    'net.Native': {
      simultaneousAccepts: true,
      send(message, handle) { return handle; },
      got(message, handle, emit) { emit(handle); },
    },
    'net.Server': {
      simultaneousAccepts: true,
      send(message, server) { return new CpRawHandle(server._handleFd()); },
      got(message, handle, emit) {
        const net = cpNet();
        const server = new net.Server();
        server._listenFd(handle.fd);
        server.once('listening', () => emit(server));
      },
    },
    'net.Socket': {
      send(message, socket, options) {
        const fd = socket._handleFd ? socket._handleFd() : -1;
        if (fd < 0) return;
        const handle = new CpRawHandle(fd);
        if (!options.keepOpen) {
          handle.socket = socket;
          handle.close = (cb) => { socket.destroy(); if (typeof cb === 'function') nextTick(cb); };
        } else {
          handle.close = cpNop;
        }
        return handle;
      },
      postSend(message, handle, options, callback, target) {
        if (handle && !options.keepOpen) {
          if (target) {
            target._pendingMessage = { callback, message, handle, options, retransmissions: 0 };
          } else {
            handle.close();
          }
        }
      },
      got(message, handle, emit) {
        emit(cpNet().netSocketFromFd(handle.fd));
      },
    },
  };
  function setupChannel(target, channel, serializationMode) {
    const control = new Control(channel);
    target.channel = control;
    target[kChannelHandle] = channel;
    Object.defineProperty(target, '_channel', {
      __proto__: null,
      get: deprecate(() => target.channel, '_channel is deprecated. Use ChildProcess.channel instead.', 'DEP0129'),
      set: deprecate((val) => { target.channel = val; }, '_channel is deprecated. Use ChildProcess.channel instead.', 'DEP0129'),
      configurable: true,
      enumerable: false,
    });
    target._handleQueue = null;
    target._pendingMessage = null;
    const pendingFds = [];
    channel.pendingHandle = null;
    channel.onread = function (chunk) {
      if (chunk) {
        const [lines, fds, buffering] = chunk;
        for (const fd of fds) pendingFds.push(fd);
        for (const line of lines) {
          const message = JSON.parse(line);
          if (cpIsInternal(message)) {
            if (message.cmd === 'NODE_HANDLE') {
              const fd = pendingFds.shift();
              handleMessage(message, fd === undefined ? undefined : new CpRawHandle(fd), true);
            } else {
              handleMessage(message, undefined, true);
            }
          } else {
            handleMessage(message, undefined, false);
          }
        }
        this.buffering = buffering;
      } else {
        this.buffering = false;
        target.disconnect();
        channel.onread = cpNop;
        channel.close();
        target.channel = null;
        maybeClose(target);
      }
    };
    channel.sockets = { got: {}, send: {} };
    target.on('internalMessage', function (message, handle) {
      if (message.cmd === 'NODE_HANDLE_ACK' || message.cmd === 'NODE_HANDLE_NACK') {
        if (target._pendingMessage) {
          if (message.cmd === 'NODE_HANDLE_ACK') {
            closePendingHandle(target);
          } else if (target._pendingMessage.retransmissions++ === MAX_HANDLE_RETRANSMISSIONS) {
            closePendingHandle(target);
            process.emitWarning('Handle did not reach the receiving process correctly', 'SentHandleNotReceivedWarning');
          }
        }
        const queue = target._handleQueue || [];
        target._handleQueue = null;
        if (target._pendingMessage) {
          target._send(target._pendingMessage.message, target._pendingMessage.handle,
                       target._pendingMessage.options, target._pendingMessage.callback);
        }
        for (let i = 0; i < queue.length; i++) {
          const args = queue[i];
          target._send(args.message, args.handle, args.options, args.callback);
        }
        if (!target.connected && target.channel && !target._handleQueue) target._disconnect();
        return;
      }
      if (message.cmd !== 'NODE_HANDLE') return;
      if (!handle) return target._send({ cmd: 'NODE_HANDLE_NACK' }, null, true);
      target._send({ cmd: 'NODE_HANDLE_ACK' }, null, true);
      const obj = handleConversion[message.type];
      if (!obj) { handle.close(); return; }
      obj.got.call(this, message, handle, (handle) => {
        handleMessage(message.msg, handle, cpIsInternal(message.msg));
      });
    });
    target.on('newListener', function () {
      nextTick(() => {
        if (!target.channel || !target.listenerCount('message')) return;
        const messages = target.channel[kPendingMessages];
        const { length } = messages;
        if (!length) return;
        for (let i = 0; i < length; i++) Reflect.apply(target.emit, target, messages[i]);
        target.channel[kPendingMessages] = [];
      });
    });
    target.send = function (message, handle, options, callback) {
      if (typeof handle === 'function') {
        callback = handle;
        handle = undefined;
        options = undefined;
      } else if (typeof options === 'function') {
        callback = options;
        options = undefined;
      } else if (options !== undefined) {
        validateObjectArg(options, 'options');
      }
      options = { swallowErrors: false, ...options };
      if (this.connected) return this._send(message, handle, options, callback);
      const ex = nodeError(Error, 'ERR_IPC_CHANNEL_CLOSED', 'Channel closed');
      if (typeof callback === 'function') nextTick(callback, ex);
      else nextTick(() => this.emit('error', ex));
      return false;
    };
    target._send = function (message, handle, options, callback) {
      if (message === undefined) throw nodeError(TypeError, 'ERR_MISSING_ARGS', 'The "message" argument must be specified');
      if (typeof message !== 'string' && typeof message !== 'object' && typeof message !== 'number' && typeof message !== 'boolean') {
        throw cpArgType('message', 'string, object, number, or boolean', message);
      }
      if (typeof options === 'boolean') options = { swallowErrors: options };
      let obj;
      if (handle) {
        message = { cmd: 'NODE_HANDLE', type: null, msg: message };
        const net = cpNet();
        if (net && handle instanceof net.Socket) message.type = 'net.Socket';
        else if (net && handle instanceof net.Server) message.type = 'net.Server';
        else if (handle instanceof CpRawHandle) message.type = 'net.Native';
        else throw nodeError(TypeError, 'ERR_INVALID_HANDLE_TYPE', 'This handle type cannot be sent');
        if (this._handleQueue) {
          this._handleQueue.push({ callback, handle, options, message: message.msg });
          return this._handleQueue.length === 1;
        }
        obj = handleConversion[message.type];
        handle = Reflect.apply(obj.send, target, [message, handle, options]);
        if (!handle) message = message.msg;
      } else if (this._handleQueue && !(message && (message.cmd === 'NODE_HANDLE_ACK' || message.cmd === 'NODE_HANDLE_NACK'))) {
        this._handleQueue.push({ callback, handle: null, options, message });
        return this._handleQueue.length === 1;
      }
      // node's json serialization: what JSON.stringify throws (a circular value) throws here
      const string = JSON.stringify(message) + '\n';
      const err = channel.write(string, handle ? handle.fd : -1, () => {
        control.unrefCounted();
        if (typeof callback === 'function') callback(null);
      });
      if (err === 0) {
        if (handle) {
          if (!this._handleQueue) this._handleQueue = [];
          if (obj && obj.postSend) obj.postSend(message, handle, options, callback, target);
        }
        if (channel.lastWriteWasAsync) control.refCounted();
        else if (typeof callback === 'function') nextTick(callback, null);
      } else {
        if (obj && obj.postSend) obj.postSend(message, handle, options, callback);
        if (!options.swallowErrors) {
          const ex = errnoException(err, 'write');
          if (typeof callback === 'function') nextTick(callback, ex);
          else nextTick(() => this.emit('error', ex));
        }
      }
      return channel.writeQueueSize < 65536 * 2;
    };
    target.connected = true;
    target.disconnect = function () {
      if (!this.connected) {
        this.emit('error', nodeError(Error, 'ERR_IPC_DISCONNECTED', 'IPC channel is already disconnected'));
        return;
      }
      this.connected = false;
      if (!this._handleQueue) this._disconnect();
    };
    target._disconnect = function () {
      this.channel = null;
      this[kChannelHandle] = null;
      if (this._pendingMessage) closePendingHandle(this);
      let fired = false;
      function finish() {
        if (fired) return;
        fired = true;
        channel.close();
        target.emit('disconnect');
      }
      if (channel.buffering) {
        this.once('message', finish);
        this.once('internalMessage', finish);
        return;
      }
      nextTick(finish);
    };
    function emit(event, message, handle) {
      if (event === 'internalMessage' || target.listenerCount('message')) {
        target.emit(event, message, handle);
        return;
      }
      target.channel[kPendingMessages].push([event, message, handle]);
    }
    function handleMessage(message, handle, internal) {
      if (!target.channel) return;
      const eventName = internal ? 'internalMessage' : 'message';
      nextTick(emit, eventName, message, handle);
    }
    channel.readStart();
    return control;
  }

  // The child's side, before the main script (node's setupChildProcessIpcChannel + _forkChild).
  function cpForkChild() {
    const env = process.env;
    if (!env.NODE_CHANNEL_FD) return;
    const fd = parseInt(env.NODE_CHANNEL_FD, 10);
    delete env.NODE_CHANNEL_FD;
    delete env.NODE_CHANNEL_SERIALIZATION_MODE;
    if (!(fd >= 0)) return;
    const p = new CpPipe(true, 'process.channel');
    if (mn.pipeOpen(p.id, fd) !== 0) {
      p.close();
      return;
    }
    p.unref();
    const control = setupChannel(process, p, 'json');
    process.on('newListener', function onNewListener(name) {
      if (name === 'message' || name === 'disconnect') control.refCounted();
    });
    process.on('removeListener', function onRemoveListener(name) {
      if (name === 'message' || name === 'disconnect') control.unrefCounted();
    });
  }

  // ---- fork, spawn, exec, execFile
  // The TODO below goes once `mini-node FILE.js` means `mini-node run FILE.js`: then a forked
  // mini-node child is started as `<binary> FILE.js`, as node's are.
  function cpRunArgs(execPath) { return execPath === mn.execPath ? ['run'] : []; }
  function fork(modulePath, args = [], options) {
    modulePath = checkPath(modulePath, 'modulePath');
    let execArgv;
    if (args == null) {
      args = [];
    } else if (typeof args === 'object' && !Array.isArray(args)) {
      options = args;
      args = [];
    } else {
      validateArrayArg(args, 'args');
    }
    if (options != null) validateObjectArg(options, 'options');
    options = { __proto__: null, ...options, shell: false };
    // mini-node's own binary by default (node's process.execPath), or the program asked for
    options.execPath = options.execPath || mn.execPath;
    validateArgumentNullCheck(options.execPath, 'options.execPath');
    execArgv = options.execArgv || process.execArgv;
    validateArgumentsNullCheck(execArgv, 'options.execArgv');
    // TODO: drop cpRunArgs when the binary runs `mini-node FILE.js` as `mini-node run FILE.js`.
    args = [...cpRunArgs(options.execPath), ...execArgv, modulePath, ...args];
    if (typeof options.stdio === 'string') {
      options.stdio = stdioStringToArray(options.stdio, 'ipc');
    } else if (!Array.isArray(options.stdio)) {
      options.stdio = stdioStringToArray(options.silent ? 'pipe' : 'inherit', 'ipc');
    } else if (!options.stdio.includes('ipc')) {
      throw nodeError(Error, 'ERR_CHILD_PROCESS_IPC_REQUIRED', "Forked processes must have an IPC channel, missing value 'ipc' in options.stdio");
    }
    return spawn(options.execPath, args, options);
  }
  function normalizeSpawnArguments(file, args, options) {
    validateStringArg(file, 'file');
    validateArgumentNullCheck(file, 'file');
    if (file.length === 0) throw cpInvalidArgValue('file', file, 'cannot be empty');
    if (Array.isArray(args)) {
      args = args.slice();
    } else if (args == null) {
      args = [];
    } else if (typeof args !== 'object') {
      throw cpArgType('args', 'object', args);
    } else {
      options = args;
      args = [];
    }
    validateArgumentsNullCheck(args, 'args');
    if (options === undefined) options = {};
    else validateObjectArg(options, 'options');
    options = { __proto__: null, ...options };
    let cwd = options.cwd;
    if (cwd != null) cwd = checkPath(cwd, 'options.cwd');
    if (options.detached != null && typeof options.detached !== 'boolean') throw cpArgType('options.detached', 'boolean', options.detached);
    if (options.shell != null && typeof options.shell !== 'boolean' && typeof options.shell !== 'string') {
      throw cpArgType('options.shell', 'boolean or string', options.shell);
    }
    if (options.argv0 != null) {
      validateStringArg(options.argv0, 'options.argv0');
      validateArgumentNullCheck(options.argv0, 'options.argv0');
    }
    if (options.shell) {
      validateArgumentNullCheck(options.shell, 'options.shell');
      const command = [file, ...args].join(' ');
      file = typeof options.shell === 'string' ? options.shell : '/bin/sh';
      args = ['-c', command];
    }
    if (typeof options.argv0 === 'string') args.unshift(options.argv0);
    else args.unshift(file);
    const env = options.env || process.env;
    const envPairs = [];
    for (const key in env) {
      const value = env[key];
      if (value !== undefined) {
        validateArgumentNullCheck(key, `options.env['${key}']`);
        validateArgumentNullCheck(value, `options.env['${key}']`);
        envPairs.push(`${key}=${value}`);
      }
    }
    return { __proto__: null, ...options, args, cwd, detached: !!options.detached, envPairs, file };
  }
  function spawn(file, args, options) {
    options = normalizeSpawnArguments(file, args, options);
    validateTimeout(options.timeout);
    const killSignal = sanitizeKillSignal(options.killSignal);
    const child = new ChildProcess();
    child.spawn(options);
    if (options.timeout > 0) {
      let timeoutId = setTimeout(() => {
        if (timeoutId) {
          try {
            child.kill(killSignal);
          } catch (err) {
            child.emit('error', err);
          }
          timeoutId = null;
        }
      }, options.timeout);
      child.once('exit', () => {
        if (timeoutId) {
          clearTimeout(timeoutId);
          timeoutId = null;
        }
      });
    }
    if (options.signal) {
      const signal = options.signal;
      const onAbort = () => {
        try {
          if (child.kill(killSignal)) child.emit('error', cpAbortError(signal.reason));
        } catch (err) {
          child.emit('error', err);
        }
      };
      if (signal.aborted) nextTick(onAbort);
      else {
        signal.addEventListener('abort', onAbort, { once: true });
        child.once('exit', () => signal.removeEventListener('abort', onAbort));
      }
    }
    return child;
  }
  // node's AbortError (lib/internal/errors.js).
  function cpAbortError(cause) {
    const e = new Error('The operation was aborted', cause === undefined ? undefined : { cause });
    e.code = 'ABORT_ERR';
    e.name = 'AbortError';
    return e;
  }
  function normalizeExecArgs(command, options, callback) {
    validateStringArg(command, 'command');
    validateArgumentNullCheck(command, 'command');
    if (typeof options === 'function') {
      callback = options;
      options = undefined;
    }
    options = { __proto__: null, ...options };
    options.shell = typeof options.shell === 'string' ? options.shell : true;
    return { file: command, options, callback };
  }
  function exec(command, options, callback) {
    const opts = normalizeExecArgs(command, options, callback);
    return childProcessModule.execFile(opts.file, opts.options, opts.callback);
  }
  function normalizeExecFileArgs(file, args, options, callback) {
    if (Array.isArray(args)) {
      args = args.slice();
    } else if (args != null && typeof args === 'object') {
      callback = options;
      options = args;
      args = null;
    } else if (typeof args === 'function') {
      callback = args;
      options = null;
      args = null;
    }
    if (args == null) args = [];
    if (typeof options === 'function') callback = options;
    else if (options != null) validateObjectArg(options, 'options');
    if (options == null) options = {};
    if (callback != null) validateFunction(callback, 'callback');
    if (options.argv0 != null) {
      validateStringArg(options.argv0, 'options.argv0');
      validateArgumentNullCheck(options.argv0, 'options.argv0');
    }
    return { file, args, options, callback };
  }
  function execFile(file, args, options, callback) {
    ({ file, args, options, callback } = normalizeExecFileArgs(file, args, options, callback));
    options = {
      __proto__: null, encoding: 'utf8', timeout: 0, maxBuffer: CP_MAX_BUFFER, killSignal: 'SIGTERM',
      cwd: null, env: null, shell: false, ...options,
    };
    validateTimeout(options.timeout);
    validateMaxBuffer(options.maxBuffer);
    options.killSignal = sanitizeKillSignal(options.killSignal);
    const child = spawn(file, args, {
      cwd: options.cwd, env: options.env, gid: options.gid, shell: options.shell, signal: options.signal, uid: options.uid,
    });
    let encoding;
    const _stdout = [];
    const _stderr = [];
    if (options.encoding !== 'buffer' && BufferFn.isEncoding(options.encoding)) encoding = options.encoding;
    else encoding = null;
    let stdoutLen = 0;
    let stderrLen = 0;
    let killed = false;
    let exited = false;
    let timeoutId;
    let ex = null;
    let cmd = file;
    function exithandler(code, signal) {
      if (exited) return;
      exited = true;
      if (timeoutId) {
        clearTimeout(timeoutId);
        timeoutId = null;
      }
      if (!callback) return;
      let stdout;
      let stderr;
      if (encoding || (child.stdout && child.stdout.readableEncoding)) stdout = _stdout.join('');
      else stdout = BufferFn.concat(_stdout);
      if (encoding || (child.stderr && child.stderr.readableEncoding)) stderr = _stderr.join('');
      else stderr = BufferFn.concat(_stderr);
      if (!ex && code === 0 && signal === null) {
        callback(null, stdout, stderr);
        return;
      }
      if (args && args.length) cmd += ` ${args.join(' ')}`;
      if (!ex) {
        ex = new Error(`Command failed: ${cmd}\n${stderr}`);
        ex.code = code < 0 ? mn.errname(code)[1] : code;
        ex.killed = child.killed || killed;
        ex.signal = signal;
      }
      ex.cmd = cmd;
      callback(ex, stdout, stderr);
    }
    function errorhandler(e) {
      ex = e;
      if (child.stdout) child.stdout.destroy();
      if (child.stderr) child.stderr.destroy();
      exithandler();
    }
    function kill() {
      if (child.stdout) child.stdout.destroy();
      if (child.stderr) child.stderr.destroy();
      killed = true;
      try {
        child.kill(options.killSignal);
      } catch (e) {
        ex = e;
        exithandler();
      }
    }
    if (options.timeout > 0) {
      timeoutId = setTimeout(function delayedKill() {
        kill();
        timeoutId = null;
      }, options.timeout);
    }
    const collect = (stream, chunks, which) => {
      if (encoding) stream.setEncoding(encoding);
      let len = 0;
      stream.on('data', (chunk) => {
        if (options.maxBuffer === Infinity) {
          chunks.push(chunk);
          return;
        }
        const enc = stream.readableEncoding;
        const length = enc ? BufferFn.byteLength(chunk, enc) : chunk.length;
        len += length;
        if (len > options.maxBuffer) {
          const truncatedLen = options.maxBuffer - (len - length);
          chunks.push(chunk.slice(0, truncatedLen));
          ex = nodeError(RangeError, 'ERR_CHILD_PROCESS_STDIO_MAXBUFFER', `${which} maxBuffer length exceeded`);
          kill();
        } else {
          chunks.push(chunk);
        }
      });
    };
    if (child.stdout) collect(child.stdout, _stdout, 'stdout');
    if (child.stderr) collect(child.stderr, _stderr, 'stderr');
    void stdoutLen; void stderrLen;
    child.addListener('close', exithandler);
    child.addListener('error', errorhandler);
    return child;
  }
  function cpCustomPromise(orig) {
    return (...args) => {
      let resolve, reject;
      const promise = new Promise((res, rej) => { resolve = res; reject = rej; });
      promise.child = orig(...args, (err, stdout, stderr) => {
        if (err !== null) {
          err.stdout = stdout;
          err.stderr = stderr;
          reject(err);
        } else {
          resolve({ stdout, stderr });
        }
      });
      return promise;
    };
  }

  // ---- the Sync forms
  function spawnSync(file, args, options) {
    options = { __proto__: null, maxBuffer: CP_MAX_BUFFER, ...normalizeSpawnArguments(file, args, options) };
    validateTimeout(options.timeout);
    validateMaxBuffer(options.maxBuffer);
    options.killSignal = sanitizeKillSignal(options.killSignal);
    options.stdio = getValidStdio(options.stdio || 'pipe', true).stdio;
    let input;
    if (options.input) input = options.input;
    const stdin = options.stdio[0];
    if (input != null) {
      if (typeof input === 'string') input = BufferFn.from(input, options.encoding);
      else if (!ArrayBuffer.isView(input)) throw cpArgType('options.stdio[0]', 'an instance of Buffer, TypedArray, or DataView or of type string', input);
    }
    const r = mn.cpSpawnSync({
      file: options.file, args: options.args, envPairs: options.envPairs, cwd: options.cwd == null ? null : options.cwd,
      stdio: options.stdio.map((s, i) => (s.type === 'pipe' ? ['pipe', i] : (s.type === 'inherit' || s.type === 'fd') ? ['fd', s.fd] : ['ignore'])),
      input: input != null && stdin.type === 'pipe' ? bytesOf(input) : undefined,
      timeout: options.timeout || 0,
      maxBuffer: options.maxBuffer == null ? Infinity : options.maxBuffer,
      killSignal: options.killSignal,
    });
    const result = { status: r.status, signal: r.signal, output: null, pid: r.pid, stdout: null, stderr: null };
    if (r.output) {
      result.output = r.output.map((o) => (o == null ? null : toBuffer(o)));
      if (options.encoding && options.encoding !== 'buffer') {
        for (let i = 0; i < result.output.length; i++) {
          if (result.output[i]) result.output[i] = result.output[i].toString(options.encoding);
        }
      }
      result.stdout = result.output[1];
      result.stderr = result.output[2];
    }
    if (r.error !== undefined) {
      result.error = errnoException(r.error, 'spawnSync ' + options.file);
      result.error.path = options.file;
      result.error.spawnargs = options.args.slice(1);
    }
    if (result.stdout === undefined) result.stdout = null;
    if (result.stderr === undefined) result.stderr = null;
    return {
      status: result.status, signal: result.signal, output: result.output, pid: result.pid,
      stdout: result.stdout, stderr: result.stderr, ...(result.error ? { error: result.error } : {}),
    };
  }
  function checkExecSyncError(ret, args, cmd) {
    let err;
    if (ret.error) {
      err = ret.error;
      Object.assign(err, ret);
    } else if (ret.status !== 0) {
      let msg = 'Command failed: ';
      msg += cmd || args.join(' ');
      if (ret.stderr && ret.stderr.length > 0) msg += `\n${ret.stderr.toString()}`;
      err = new Error(msg);
      Object.assign(err, ret);
    }
    return err;
  }
  function execFileSync(file, args, options) {
    ({ file, args, options } = normalizeExecFileArgs(file, args, options));
    const inheritStderr = !options.stdio;
    const ret = spawnSync(file, args, options);
    if (inheritStderr && ret.stderr) process.stderr.write(ret.stderr);
    const errArgs = [options.argv0 || file, ...args];
    const err = checkExecSyncError(ret, errArgs);
    if (err) throw err;
    return ret.stdout;
  }
  function execSync(command, options) {
    const opts = normalizeExecArgs(command, options, null);
    const inheritStderr = !opts.options.stdio;
    const ret = spawnSync(opts.file, opts.options);
    if (inheritStderr && ret.stderr) process.stderr.write(ret.stderr);
    const err = checkExecSyncError(ret, undefined, command);
    if (err) throw err;
    return ret.stdout;
  }
  Object.defineProperty(exec, promisify.custom, { __proto__: null, enumerable: false, value: cpCustomPromise(exec) });
  Object.defineProperty(execFile, promisify.custom, { __proto__: null, enumerable: false, value: cpCustomPromise(execFile) });

  const childProcessModule = {
    _forkChild: cpForkChild, ChildProcess, exec, execFile, execFileSync, execSync, fork, spawn, spawnSync,
  };

  // process.kill(pid[, signal]) and process's IPC members outside a child
  process.kill = function kill(pid, sig) {
    if (pid != (pid | 0)) throw cpArgType('pid', 'number', pid);
    const signal = sig === 0 ? 0 : convertToValidSignal(sig === undefined ? 'SIGTERM' : sig);
    const err = mn.kill(pid, signal);
    if (err) throw errnoException(err, 'kill');
    return true;
  };
