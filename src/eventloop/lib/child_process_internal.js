// child_process_internal.js: node v20's lib/internal/child_process.js: ChildProcess (its process
// handle, its stdio, exit and close), the pipes to a child, and the IPC channel on both sides
// (setupChannel, its Control, handle passing, and a forked child's side, `cpForkChild`).
//
// HOW: a child is a real OS process started by Rust (`mn.cpSpawn`); its process handle posts
// `onexit(code | signal)`, and each pipe handle (`CpPipe`: a piped stdio slot, or the IPC channel
// on fd 3) posts what it reads (`ondata` / `onend`, or `onread([lines, fds, buffering])` for the
// channel). Piped stdio are streams (lib/lazy/stream.js, loaded when first piped). The channel
// speaks node's `json` serialization: `JSON.stringify(message) + '\n'`, internal messages with a
// `cmd` starting `NODE_`, a handle passed as `{ cmd: 'NODE_HANDLE', type, msg }` with the
// descriptor beside it (SCM_RIGHTS) and acknowledged by `NODE_HANDLE_ACK`, so mini-node and node
// talk to each other either way. setupChannel, the ChildProcess state machine (exit, close after
// every pipe closed, disconnect on a nextTick) and the errors are node's, line for line where the
// order of events depends on it.
// WHY: the order of 'message', 'disconnect', 'exit' and 'close' is the lesson; node's IPC wire
// format is what lets a node parent fork a mini-node child and the reverse.
//
// In a child, `cpForkChild` runs before the main script when NODE_CHANNEL_FD is set (globals.js,
// as node's pre-execution does); it keeps the channel unreferenced except while 'message' /
// 'disconnect' listeners exist, so a child with a message listener lives until the parent
// disconnects.
//
// Shared with Rust: the handle kinds ('ChildProcess', 'Pipe', 'process.channel') *Must* match
// handle_kind in src/eventloop/host/handle.rs; the events and the stdio entries (['ignore'],
// ['fd', n], ['pipe', id], ['ipc', id]) *Must* match src/eventloop/host/child_process.rs and
// src/eventloop/host/pipe.rs.
// Shared with lib/net.js (one scope): `net`, its Socket and Server, `netSocketFromFd`,
// `server._listenFd`, `_handleFd`, for handles sent over the channel.
// A traced run (`record`) reports every message both ways with `mn.traceMessage(sent, peer,
// payload)` (the trace's `message` event).
// Bridge names: cpSpawn, cpKill, pipeOpen, pipeWrite, pipeShutdown, fdClose, traceMessage, in
// BRIDGE in src/eventloop/host/bridge.rs.

  // ---------------------------------------------------------------- internal/child_process
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
    // the descriptor's number when it is known (a child's channel), else the handle's id
    get fd() { return this.closed ? -1 : (this.fdNumber !== undefined ? this.fdNumber : this.id); }
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
    // the exit code, or the name of the signal that ended the child
    onexit(how) {
      if (typeof how === 'string') cpOnExit(this.owner, null, how);
      else cpOnExit(this.owner, how, null);
    }
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
  function onErrorNT(self, err) { cpOnExit(self, err, undefined); }
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
  // lib/net.js's module: its Socket and Server classes, and how to make them from a descriptor.
  function cpNet() { return net; }
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
        const fd = handle.fd;
        handle.fd = -1;
        server._listenFd(fd);
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
        const fd = handle.fd;
        handle.fd = -1;
        emit(netSocketFromFd(fd));
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
    // who is at the other end, for the trace
    const peer = () => (target === process ? `parent ${process.ppid}` : `child ${target.pid}`);
    channel.onread = function (chunk) {
      if (chunk) {
        const [lines, fds, buffering] = chunk;
        for (const fd of fds) pendingFds.push(fd);
        for (const line of lines) {
          if (record) mn.traceMessage(false, peer(), line);
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
        throw cpArgType('message', ['string', 'object', 'number', 'boolean'], message);
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
      if (record) mn.traceMessage(true, peer(), string.slice(0, -1));
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
    p.fdNumber = fd;
    p.unref();
    const control = setupChannel(process, p, 'json');
    process.on('newListener', function onNewListener(name) {
      if (name === 'message' || name === 'disconnect') control.refCounted();
    });
    process.on('removeListener', function onRemoveListener(name) {
      if (name === 'message' || name === 'disconnect') control.unrefCounted();
    });
  }
