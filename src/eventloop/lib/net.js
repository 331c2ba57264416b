// net.js: require('net'): TCP servers and sockets (createServer, Server, connect /
// createConnection, Socket, isIP/isIPv4/isIPv6), as node v20's lib/net.js behaves for them.
//
// HOW: a Server or Socket is a handle (`ioOpen`) whose Rust half (src/eventloop/host/net.rs)
// runs on the loop's I/O runtime and posts completions that run in the poll phase:
// `onconnection(fd)` on a server (the JavaScript adopts the fd: `netSocketFromFd`, or an HTTP
// server serves it), `onconnect` / `onconnecterror(err)` / `ondata(Buffer)` / `onend` /
// `onshutdown` / `onerror(err)` on a socket. A socket's readable and writable sides are node's
// stream rules, kept here in a few fields instead of stream.Duplex: 'data' flows once resumed
// (on('data') resumes on the next tick), 'end' comes on a nextTick once the peer's FIN is read
// and nothing is buffered, then (allowHalfOpen false) our side ends too; end() shuts the
// writing side, and 'finish' follows the shutdown (a nextTick after `onshutdown`); a socket
// whose two sides are done is destroyed. destroy() closes the handle, and its 'close' comes
// from `onclose` in the close-callbacks phase (node's handle close callback), an error before
// it on a nextTick. A server's 'listening' and bind errors come on a nextTick; its 'close' on
// a nextTick once it is closed and its connections are gone (node's _emitCloseIfDrained).
// WHY: the order of node's events is what a course shows; the streams library would cost
// every socket far more than these fields.
//
// Shared with lib/cluster.js, lib/child_process.js and lib/http.js (one scope): `netHooks`
// (`clusterListen(server, { address, port, addressType, backlog, exclusive }, cb(err, how))`:
// `how.fd` listens on that fd, `how.rr` binds nothing and takes connections through
// `server._adoptConnection(fd)`; `how.address` / `how.family` / `how.port` for address(), `how.close()` called
// when the server closes), `netSocketFromFd(fd)`, `server._listenFd(fd)`,
// `server._adoptConnection(fd)`, `server._handleFd()`, `socket._handleFd()`.
// Shared with Rust: the completions' names above; errors arrive as
// `[errno, code, syscall, description, address?, port?]`.
// Bridge names: tcpListen, tcpListenFd, tcpAdopt, tcpConnect, tcpWrite, tcpShutdown, tcpDupFd,
// tcpAddress, tcpOption, fdClose, errname, in BRIDGE in src/eventloop/host/bridge.rs.

  // ---------------------------------------------------------------- net
  const netHooks = { clusterListen: null };

  // node's errors of a failed system call (lib/internal/errors.js)
  function uvErrorWithHostPort(arr, syscall, address, port) {
    const [errno, code, , desc] = arr;
    let details = '';
    if (port && port > 0) details = ` ${address}:${port}`;
    else if (address) details = ` ${address}`;
    const e = new Error(`${syscall} ${code}: ${desc}${details}`);
    e.code = code;
    e.errno = errno;
    e.syscall = syscall;
    e.address = address;
    if (port) e.port = port;
    return e;
  }
  function errnoWithHostPort(arr, syscall, address, port) {
    const [errno, code] = arr;
    let details = '';
    if (port && port > 0) details = ` ${address}:${port}`;
    else if (address) details = ` ${address}`;
    const e = new Error(`${syscall} ${code}${details}`);
    e.errno = errno;
    e.code = code;
    e.syscall = syscall;
    e.address = address;
    if (port) e.port = port;
    return e;
  }
  function errnoError(arr, syscall) {
    const [errno, code] = arr;
    const e = new Error(`${syscall} ${code}`);
    e.errno = errno;
    e.code = code;
    e.syscall = syscall;
    return e;
  }
  function badPort(name, port, allowZero = true) {
    const op = allowZero ? '>=' : '>';
    return nodeError(RangeError, 'ERR_SOCKET_BAD_PORT', `${name} should be ${op} 0 and < 65536. Received ${portReceived(port)}.`);
  }
  function portReceived(v) {
    if (v == null) return String(v);
    if (typeof v === 'function') return `function ${v.name}`;
    if (typeof v === 'object') return inspect(v, { depth: -1 });
    let s = inspect(v);
    if (s.length > 28) s = s.slice(0, 25) + '...';
    return `type ${typeof v} (${s})`;
  }
  function isLegalPort(p) {
    if ((typeof p !== 'number' && typeof p !== 'string') || (typeof p === 'string' && p.trim().length === 0)) return false;
    return +p === (+p >>> 0) && p <= 0xFFFF;
  }
  const IPV4_RE = /^(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/;
  function isIPv4(s) { return IPV4_RE.test(String(s)); }
  function isIPv6(s) {
    s = String(s);
    if (!s.includes(':')) return false;
    const pct = s.indexOf('%');
    if (pct !== -1) s = s.slice(0, pct);
    let tail = s;
    let groups = 8;
    const v4 = s.lastIndexOf(':');
    if (s.includes('.')) {
      if (!isIPv4(s.slice(v4 + 1))) return false;
      tail = s.slice(0, v4 + 1) + '0:0';
    }
    const halves = tail.split('::');
    if (halves.length > 2) return false;
    const part = (h) => (h === '' ? [] : h.split(':'));
    const ok = (g) => /^[0-9a-fA-F]{1,4}$/.test(g);
    const a = part(halves[0]);
    const b = halves.length === 2 ? part(halves[1]) : [];
    if (![...a, ...b].every(ok)) return false;
    return halves.length === 2 ? a.length + b.length < groups : a.length === groups;
  }
  // the errnos a bind can fail with, by libuv's names (a cluster worker's listen gets a number)
  const NET_ERRNO_CODES = { [-98]: 'EADDRINUSE', [-13]: 'EACCES', [-99]: 'EADDRNOTAVAIL', [-22]: 'EINVAL', [-1]: 'EPERM' };
  function isIP(s) { return isIPv4(s) ? 4 : isIPv6(s) ? 6 : 0; }

  // ---------------------------------------------------------------- Socket
  // the readable side's state (node's ReadableState, the fields a socket needs)
  function netReadState() {
    return { flowing: null, buffer: [], ended: false, endScheduled: false, endEmitted: false, resumeScheduled: false, decoder: null };
  }
  // a decoder for setEncoding: utf8 keeps an incomplete character for the next chunk
  function netDecoder(encoding) {
    const enc = normEncoding(encoding);
    if (enc === undefined) throw nodeError(TypeError, 'ERR_UNKNOWN_ENCODING', `Unknown encoding: ${encoding}`);
    if (enc !== 'utf8') return { encoding: enc, write: (b) => b.toString(enc) };
    let rest = null;
    return {
      encoding: 'utf8',
      write(b) {
        if (rest !== null) { b = BufferFn.concat([rest, b]); rest = null; }
        const keep = utf8Incomplete(b);
        if (keep > 0) { rest = b.subarray(b.length - keep); b = b.subarray(0, b.length - keep); }
        return b.toString('utf8');
      },
    };
  }
  // how many bytes at the end of `b` start a character the next chunk completes
  function utf8Incomplete(b) {
    let i = b.length - 1;
    let n = 0;
    while (i >= 0 && n < 3 && (b[i] & 0xC0) === 0x80) { i--; n++; }
    if (i < 0) return 0;
    const lead = b[i];
    const need = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
    return need > n + 1 ? n + 1 : 0;
  }

  class Socket extends EventEmitter {
    constructor(options) {
      super();
      if (typeof options === 'number') options = { fd: options };
      else if (options === undefined || options === null) options = {};
      this.connecting = false;
      this._hadError = false;
      this._handle = null;
      this._id = 0;
      this._host = null;
      this._peername = undefined;
      this._sockname = undefined;
      this._rs = netReadState();
      this._ws = { ending: false, finished: false, shutdown: false, finishCbs: [] };
      this._unrefed = false;
      this._timeout = null;
      this._timeoutMs = 0;
      this.destroyed = false;
      this.readable = false;
      this.writable = false;
      this.allowHalfOpen = Boolean(options.allowHalfOpen);
      this.bytesRead = 0;
      this._bytesWritten = 0;
      this.server = null;
      this._server = null;
      if (options.fd !== undefined) {
        const fd = options.fd;
        if (typeof fd !== 'number' || fd < 0) throw invalidArgType('options.fd', 'number', fd);
        this._adopt(fd, options);
      }
    }
    // ---- the handle
    _adopt(fd, options) {
      this._id = ioOpen('net.Socket', this, !this._unrefed);
      this._handle = { fd };
      const r = mn.tcpAdopt(this._id, fd);
      if (Array.isArray(r)) {
        ioClose(this._id);
        this._id = 0;
        this._handle = null;
        throw errnoError(r, 'open');
      }
      this.readable = options.readable !== false;
      this.writable = options.writable !== false;
      if (options.pauseOnCreate) this._rs.flowing = false;
    }
    _handleFd() { return this._id ? mn.tcpDupFd(this._id) : -1; }
    ref() { this._unrefed = false; if (this._id) ioRef(this._id, true); return this; }
    unref() { this._unrefed = true; if (this._id) ioRef(this._id, false); return this; }
    setNoDelay(enable) { if (this._id) mn.tcpOption(this._id, 'noDelay', enable === undefined ? true : Boolean(enable)); return this; }
    setKeepAlive(enable) { if (this._id) mn.tcpOption(this._id, 'keepAlive', Boolean(enable)); return this; }
    setTimeout(ms, cb) {
      if (this._timeout) { clearTimeout(this._timeout); this._timeout = null; }
      this._timeoutMs = ms;
      if (cb !== undefined) {
        if (typeof cb !== 'function') throw invalidArgType('callback', 'function', cb);
        if (ms === 0) this.removeListener('timeout', cb);
        else this.once('timeout', cb);
      }
      if (ms > 0 && !this.destroyed) this._timeout = setTimeout(() => { this._timeout = null; this.emit('timeout'); }, ms).unref();
      return this;
    }
    _active() { if (this._timeout) this._timeout.refresh(); }
    get pending() { return !this._id || this.connecting; }
    get readyState() {
      if (this.connecting) return 'opening';
      if (this.readable && this.writable) return 'open';
      if (this.readable && !this.writable) return 'readOnly';
      if (!this.readable && this.writable) return 'writeOnly';
      return 'closed';
    }
    get bytesWritten() { return this._bytesWritten; }
    get bufferSize() { return 0; }
    get writableLength() { return 0; }
    get readableLength() { return this._rs.buffer.reduce((n, b) => n + b.length, 0); }
    get readableEnded() { return this._rs.endEmitted; }
    get readableFlowing() { return this._rs.flowing; }
    get writableEnded() { return this._ws.ending; }
    get writableFinished() { return this._ws.finished; }
    get timeout() { return this._timeoutMs || undefined; }
    _addr(peer) {
      if (!this._id) return undefined;
      const a = mn.tcpAddress(this._id, peer);
      return a === undefined ? undefined : { address: a[0], family: a[1], port: a[2] };
    }
    _getpeername() {
      if (this._peername === undefined) { const a = this._addr(true); if (a === undefined) return {}; this._peername = a; }
      return this._peername;
    }
    _getsockname() {
      if (this._sockname === undefined) { const a = this._addr(false); if (a === undefined) return {}; this._sockname = a; }
      return this._sockname;
    }
    address() { return this._getsockname(); }
    get remoteAddress() { return this._getpeername().address; }
    get remoteFamily() { return this._getpeername().family; }
    get remotePort() { return this._getpeername().port; }
    get localAddress() { return this._getsockname().address; }
    get localPort() { return this._getsockname().port; }
    get localFamily() { return this._getsockname().family; }

    // ---- connecting
    connect(...args) {
      let options = {};
      let cb;
      if (typeof args[args.length - 1] === 'function') cb = args.pop();
      if (args[0] !== null && typeof args[0] === 'object') options = args[0];
      else if (typeof args[0] === 'string' && !isLegalPort(args[0])) options = { path: args[0] };
      else { options = { port: args[0] }; if (typeof args[1] === 'string') options.host = args[1]; }
      if (options.path !== undefined) throw notProvided('net: connecting to a pipe or Unix socket path');
      if (this.connecting) throw nodeError(Error, 'ERR_SOCKET_CONNECTION_IN_PROGRESS', 'Socket connection in progress');
      const port = options.port;
      if (port === undefined) throw nodeError(TypeError, 'ERR_MISSING_ARGS', 'The "options" or "port" or "path" argument must be specified');
      if (!isLegalPort(port)) throw badPort('Port', port);
      const host = options.host || 'localhost';
      if (cb !== undefined) this.once('connect', cb);
      if (options.timeout) this.setTimeout(options.timeout);
      if (options.noDelay) this._noDelay = true;
      this.connecting = true;
      this._host = host;
      this.destroyed = false;
      this.writable = true;
      this._id = ioOpen('net.Socket', this, !this._unrefed);
      this._handle = { fd: -1 };
      mn.tcpConnect(this._id, host, +port);
      return this;
    }
    onconnect() {
      if (this.destroyed) return;
      this.connecting = false;
      this.readable = true;
      if (!this._ws.ending) this.writable = true;
      if (this._noDelay) this.setNoDelay(true);
      this._active();
      this.emit('connect');
      this.emit('ready');
    }
    onconnecterror(arr) {
      if (this.destroyed) return;
      this.connecting = false;
      this.destroy(errnoWithHostPort(arr, 'connect', arr[4], arr[5]));
    }

    // ---- reading
    on(ev, fn) {
      super.on(ev, fn);
      if (ev === 'data' && this._rs.flowing !== false) this.resume();
      return this;
    }
    addListener(ev, fn) { return this.on(ev, fn); }
    setEncoding(encoding) {
      this._rs.decoder = netDecoder(encoding);
      return this;
    }
    isPaused() { return this._rs.flowing === false; }
    pipe(dest, options) { return netPipe(this, dest, options); }
    unpipe() { return this; }
    pause() {
      if (this._rs.flowing !== false) { this._rs.flowing = false; this.emit('pause'); }
      return this;
    }
    resume() {
      const rs = this._rs;
      if (!rs.flowing) {
        rs.flowing = true;
        if (!rs.resumeScheduled) { rs.resumeScheduled = true; nextTick(netResumeNT, this); }
      }
      return this;
    }
    read() {
      const rs = this._rs;
      if (rs.buffer.length === 0) { netMaybeEnd(this); return null; }
      const b = rs.buffer.shift();
      const out = rs.decoder ? rs.decoder.write(b) : b;
      this.emit('data', out);
      if (rs.buffer.length === 0) netMaybeEnd(this);
      return out;
    }
    ondata(buf) {
      if (this.destroyed) return;
      this.bytesRead += buf.length;
      this._active();
      const rs = this._rs;
      if (rs.flowing && rs.buffer.length === 0) this.emit('data', rs.decoder ? rs.decoder.write(buf) : buf);
      else rs.buffer.push(buf);
    }
    onend() {
      if (this.destroyed) return;
      this._rs.ended = true;
      netMaybeEnd(this);
    }
    onerror(arr) {
      if (this.destroyed) return;
      this.destroy(errnoError(arr, arr[2]));
    }

    // ---- writing
    write(chunk, encoding, cb) {
      if (typeof encoding === 'function') { cb = encoding; encoding = undefined; }
      if (typeof chunk !== 'string' && !(chunk instanceof Uint8Array)) {
        throw invalidArgType('chunk', 'string or an instance of Buffer or Uint8Array', chunk);
      }
      if (this._ws.ending) {
        const e = nodeError(Error, 'ERR_STREAM_WRITE_AFTER_END', 'write after end');
        if (typeof cb === 'function') nextTick(cb, e);
        nextTick(netEmitError, this, e);
        return false;
      }
      if (this.destroyed || !this._id) {
        const e = nodeError(Error, 'ERR_STREAM_DESTROYED', 'Cannot call write after a stream was destroyed');
        if (typeof cb === 'function') nextTick(cb, e);
        return false;
      }
      if (typeof chunk === 'string' && encoding !== undefined && encoding !== 'utf8' && encoding !== 'utf-8') chunk = BufferFn.from(chunk, encoding);
      this._bytesWritten += mn.tcpWrite(this._id, chunk);
      this._active();
      if (typeof cb === 'function') nextTick(cb, null);
      return true;
    }
    end(data, encoding, cb) {
      if (typeof data === 'function') { cb = data; data = undefined; encoding = undefined; }
      else if (typeof encoding === 'function') { cb = encoding; encoding = undefined; }
      if (data !== undefined && data !== null) Socket.prototype.write.call(this, data, encoding);
      const ws = this._ws;
      if (typeof cb === 'function') {
        if (ws.finished) nextTick(cb, null);
        else ws.finishCbs.push(cb);
      }
      if (!ws.ending) {
        ws.ending = true;
        this.writable = false;
        if (this._id && !this.destroyed) mn.tcpShutdown(this._id);
        else if (!this.destroyed) nextTick(netFinish, this);
      }
      return this;
    }
    onshutdown() {
      if (this.destroyed) return;
      this.emit('prefinish');
      nextTick(netFinish, this);
    }
    destroySoon() {
      if (this.writable) this.end();
      if (this._ws.finished) this.destroy();
      else this.once('finish', this.destroy);
    }
    resetAndDestroy() { return this.destroy(); }
    _final(cb) { cb(); }

    // ---- closing
    destroy(err) {
      if (this.destroyed) return this;
      this.destroyed = true;
      this.readable = false;
      this.writable = false;
      this.connecting = false;
      if (this._timeout) { clearTimeout(this._timeout); this._timeout = null; }
      this._hadError = Boolean(err);
      if (this._id) {
        this._sockname = this._sockname || this._addr(false) || {};
        ioClose(this._id);
      } else {
        nextTick(netEmitClose, this);
      }
      this._handle = null;
      if (err) nextTick(netEmitError, this, err);
      const server = this._server;
      if (server) {
        server._connections--;
        if (server._emitCloseIfDrained) server._emitCloseIfDrained();
      }
      return this;
    }
    onclose() { this._id = 0; this.emit('close', this._hadError); }
    get _readableState() { return { ended: this._rs.ended, endEmitted: this._rs.endEmitted, flowing: this._rs.flowing, length: this.readableLength }; }
    get _writableState() { return { ending: this._ws.ending, ended: this._ws.ending, finished: this._ws.finished, length: 0 }; }
  }
  // node's resume_ (a nextTick after resume()): the buffered chunks flow
  function netResumeNT(s) {
    const rs = s._rs;
    rs.resumeScheduled = false;
    s.emit('resume');
    while (rs.flowing && rs.buffer.length > 0 && !s.destroyed) s.read();
    netMaybeEnd(s);
  }
  // the peer's FIN read and nothing buffered: 'end' on a nextTick (node's endReadableNT)
  function netMaybeEnd(s) {
    const rs = s._rs;
    if (rs.ended && rs.buffer.length === 0 && !rs.endScheduled && !rs.endEmitted) {
      rs.endScheduled = true;
      nextTick(netEndNT, s);
    }
  }
  function netEndNT(s) {
    const rs = s._rs;
    if (rs.endEmitted || s.destroyed || rs.buffer.length > 0) return;
    rs.endEmitted = true;
    s.readable = false;
    if (!s.allowHalfOpen) s.write = netWriteAfterFIN;
    s.emit('end');
    if (s.destroyed) return;
    if (!s._ws.ending && !s.allowHalfOpen) nextTick(netEndWritableNT, s);
    else if (s._ws.finished) s.destroy();
  }
  function netEndWritableNT(s) { if (!s.destroyed) s.end(); }
  // node's writeAfterFIN: our side ended because the peer's did
  function netWriteAfterFIN(chunk, encoding, cb) {
    if (typeof encoding === 'function') cb = encoding;
    const e = new Error('This socket has been ended by the other party');
    e.code = 'EPIPE';
    if (typeof cb === 'function') nextTick(cb, e);
    this.destroy(e);
    return false;
  }
  function netFinish(s) {
    const ws = s._ws;
    if (ws.finished || s.destroyed) return;
    ws.finished = true;
    const cbs = ws.finishCbs.splice(0);
    for (const cb of cbs) cb(null);
    s.emit('finish');
    if (s._rs.endEmitted || !s.readable) s.destroy();
  }
  // readable.pipe(dest), without back-pressure: each chunk written as it comes, dest ended
  // with the source (unless { end: false })
  function netPipe(src, dest, options) {
    src.on('data', (chunk) => dest.write(chunk));
    if (!options || options.end !== false) src.on('end', () => dest.end());
    if (typeof dest.emit === 'function') dest.emit('pipe', src);
    return dest;
  }
  function netEmitError(s, e) { s.emit('error', e); }
  function netEmitClose(s) { s.emit('close', s._hadError); }
  // A connected socket from an fd (accepted here, or received from another process).
  function netSocketFromFd(fd, options) {
    return new Socket(Object.assign({}, options, { fd }));
  }

  // ---------------------------------------------------------------- Server
  class Server extends EventEmitter {
    constructor(options, connectionListener) {
      super();
      if (typeof options === 'function') { connectionListener = options; options = {}; }
      else if (options === undefined || options === null) options = {};
      else if (typeof options !== 'object') throw invalidArgType('options', 'object', options);
      if (typeof connectionListener === 'function') this.on('connection', connectionListener);
      this._connections = 0;
      this._id = 0;
      this._handle = null;
      this._rr = null;
      this._unref = false;
      this.allowHalfOpen = Boolean(options.allowHalfOpen);
      this.pauseOnConnect = Boolean(options.pauseOnConnect);
      this.noDelay = Boolean(options.noDelay);
      this.keepAlive = Boolean(options.keepAlive);
      this.maxConnections = undefined;
    }
    get listening() { return this._id !== 0; }
    listen(...args) {
      let cb;
      if (typeof args[args.length - 1] === 'function') cb = args.pop();
      let options;
      if (args[0] !== null && typeof args[0] === 'object' && !Array.isArray(args[0])) {
        options = args[0];
        if (options._handle !== undefined || options.handle !== undefined || options.fd !== undefined) throw notProvided('server.listen(handle)');
      } else if (typeof args[0] === 'string' && !isLegalPort(args[0]) && !/^\s*$/.test(args[0])) {
        options = { path: args[0] };
      } else {
        options = { port: args[0] };
        if (typeof args[1] === 'string') { options.host = args[1]; if (typeof args[2] === 'number') options.backlog = args[2]; }
        else if (typeof args[1] === 'number') options.backlog = args[1];
      }
      if (options.path !== undefined) throw notProvided('net: listening on a pipe or Unix socket path');
      if (this._id) throw nodeError(Error, 'ERR_SERVER_ALREADY_LISTEN', 'Listen method has been called more than once without closing.');
      if (cb !== undefined) this.once('listening', cb);
      let port = options.port === undefined || options.port === null ? 0 : options.port;
      if (typeof port === 'string' && port.trim() === '') port = 0;
      if (!isLegalPort(port)) throw badPort('options.port', port);
      port = +port;
      const host = options.host === undefined || options.host === null ? '' : String(options.host);
      const backlog = options.backlog || 511;
      const exclusive = Boolean(options.exclusive);
      if (host === '') this._listenInCluster(host, port, backlog, exclusive);
      else netLookup(host, () => this._listenInCluster(host, port, backlog, exclusive));
      return this;
    }
    // node's listenInCluster: bind here, or ask the cluster's primary (lib/cluster.js)
    _listenInCluster(host, port, backlog, exclusive) {
      if (netHooks.clusterListen !== null && !exclusive) {
        const addressType = host === '' ? 6 : isIP(host) || 4;
        netHooks.clusterListen(this, { address: host === '' ? null : host, port, addressType, backlog, exclusive }, (err, how) => {
          if (err) {
            // node's ExceptionWithHostPort(err, 'bind', address, port) for an errno
            const e = typeof err === 'number' ? errnoWithHostPort([err, NET_ERRNO_CODES[err] || 'UNKNOWN'], 'bind', host === '' ? null : host, port) : err;
            this.emit('error', e);
            return;
          }
          if (how && how.fd !== undefined) return this._listenFd(how.fd);
          this._rr = { address: how && how.address, family: how && how.family, port: how && how.port, close: how && how.close };
          this._id = ioOpen('net.Server', this, !this._unref);
          nextTick(netEmitListening, this);
        });
        return;
      }
      this._bind(host, port, backlog);
    }
    _bind(host, port, backlog) {
      this._id = ioOpen('net.Server', this, !this._unref);
      const r = mn.tcpListen(this._id, host, port, backlog);
      if (Array.isArray(r)) {
        ioClose(this._id);
        this._id = 0;
        const address = host === '' ? '::' : host;
        nextTick(netEmitError, this, uvErrorWithHostPort(r, 'listen', address, port));
        return;
      }
      this._handle = { port: r };
      nextTick(netEmitListening, this);
    }
    _listenFd(fd) {
      this._id = ioOpen('net.Server', this, !this._unref);
      const r = mn.tcpListenFd(this._id, fd);
      if (Array.isArray(r)) {
        ioClose(this._id);
        this._id = 0;
        nextTick(netEmitError, this, uvErrorWithHostPort(r, 'listen', undefined, undefined));
        return this;
      }
      this._handle = { fd };
      nextTick(netEmitListening, this);
      return this;
    }
    _handleFd() { return this._id && !this._rr ? mn.tcpDupFd(this._id) : -1; }
    address() {
      if (!this._id) return null;
      if (this._rr) {
        const a = {};
        if (this._rr.address !== undefined) a.address = this._rr.address;
        if (this._rr.family !== undefined) a.family = this._rr.family;
        if (this._rr.port !== undefined) a.port = this._rr.port;
        return a;
      }
      const a = mn.tcpAddress(this._id, false);
      return a === undefined ? {} : { address: a[0], family: a[1], port: a[2] };
    }
    onconnection(fd) {
      if (!this._id || (this.maxConnections !== undefined && this._connections >= this.maxConnections)) {
        mn.fdClose(fd);
        return;
      }
      this._adoptConnection(fd);
    }
    // A connection this server accepted (or that the cluster's primary handed over).
    _adoptConnection(fd) {
      let socket;
      try {
        socket = netSocketFromFd(fd, { allowHalfOpen: this.allowHalfOpen, pauseOnCreate: this.pauseOnConnect });
      } catch (e) {
        mn.fdClose(fd);
        return;
      }
      if (this.noDelay) socket.setNoDelay(true);
      if (this.keepAlive) socket.setKeepAlive(true);
      socket.server = this;
      socket._server = this;
      this._connections++;
      this.emit('connection', socket);
    }
    close(cb) {
      if (typeof cb === 'function') {
        if (!this._id) this.once('close', function close() { cb(nodeError(Error, 'ERR_SERVER_NOT_RUNNING', 'Server is not running.')); });
        else this.once('close', cb);
      }
      if (this._id) {
        ioClose(this._id);
        this._id = 0;
        this._handle = null;
        const rr = this._rr;
        this._rr = null;
        if (rr && typeof rr.close === 'function') rr.close();
      }
      this._emitCloseIfDrained();
      return this;
    }
    onclose() {}
    _emitCloseIfDrained() {
      if (this._id || this._connections) return;
      nextTick(netEmitClose, this);
    }
    getConnections(cb) { nextTick(cb, null, this._connections); return this; }
    ref() { this._unref = false; if (this._id) ioRef(this._id, true); return this; }
    unref() { this._unref = true; if (this._id) ioRef(this._id, false); return this; }
    [Symbol.asyncDispose]() { return new Promise((resolve) => this.close(resolve)); }
  }
  function netEmitListening(server) { if (server._id) server.emit('listening'); }
  // node's dns.lookup before binding to a host: an IP answers on a tick, a name from the
  // thread pool (in a poll phase, as an fs request)
  function netLookup(host, done) {
    if (isIP(host)) {
      nextTick(done);
      return;
    }
    const id = nextId++;
    callbacks.set(id, done);
    mn.fsStart(id, 'dns.lookup', 1, record ? callerLine() : 0);
  }

  function netConnect(...args) {
    let options = args[0];
    const socketOptions = options !== null && typeof options === 'object' ? options : {};
    const s = new Socket(socketOptions);
    return s.connect(...args);
  }

  const net = {
    createServer: (options, listener) => new Server(options, listener),
    connect: netConnect,
    createConnection: netConnect,
    Server,
    Socket,
    Stream: Socket,
    isIP,
    isIPv4,
    isIPv6,
    getDefaultAutoSelectFamily: () => true,
    setDefaultAutoSelectFamily() {},
  };
