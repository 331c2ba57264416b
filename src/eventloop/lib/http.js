// http.js: require('http'): createServer / Server, ServerResponse and the module's exports
// (its client, request / get / ClientRequest / Agent, is lib/http_client.js; IncomingMessage
// and the header store are lib/http_message.js).
//
// HOW: HTTP itself (parsing, framing, keep-alive) is hyper's, in src/eventloop/host/http.rs. An
// http.Server is a net.Server whose accepted fds are served by hyper (`mn.httpServe`): each
// connection is a handle (HttpConnection) whose completions run in the poll phase:
// `onrequest([method, url, minor, hasBody, name, value, ...])` (one per request: 'request' is
// emitted there, and a request without a body completes right after, as llhttp's parser
// does), `onbody(Buffer)`, `onbodyend`, `onhangup(reason)` (the client left, or sent what hyper
// answered with a 400: 'clientError'). A ServerResponse writes node's head with its first write
// or end (`mn.httpRespond`), the rest through `mn.httpBody`. Its 'finish' comes on the next
// tick (node's socket write callback), its 'close' a tick later, and the request's 'end' and
// 'close' after them (node's resOnFinish); when nobody listens to either, that bookkeeping is
// done in the one tick. res.end('text') of a response with nothing set takes a short path with
// node's default head sent as a number. server.close() closes the idle connections, as node
// 19+'s does.
// WHY: the order of node's events and its default headers are what a course compares; the
// common response stays a handful of steps, since a busy server makes thousands a second.
//
// Shared with Rust: the completions above. Bridge names: httpServe, httpRespond, httpBody, in
// BRIDGE in src/eventloop/host/bridge.rs. Uses net.js's Server and Socket.

  // ---------------------------------------------------------------- ServerResponse
  class ServerResponse {
    constructor(req, conn) {
      this.req = req;
      this._conn = conn === undefined ? null : conn;
      this._f = 0;
    }
    get socket() { return this._conn === null ? null : this._conn.socket; }
    set socket(v) { httpOwn(this, 'socket', v); }
    get statusMessage() { return this._msg !== undefined ? this._msg : this._header === null ? undefined : STATUS_CODES[this.statusCode] || 'unknown'; }
    set statusMessage(v) { this._msg = v; }
    get headersSent() { return this._header !== null; }
    get writableFinished() { return this.finished; }
    get writableEnded() { return this.finished; }
    get connection() { return this.socket; }
    get writable() { return !this.finished && !this.destroyed; }
    get destroyed() { return this._closed; }
    get writableLength() { return 0; }
    get writableCorked() { return 0; }
    get writableHighWaterMark() { return 16384; }
    get writableObjectMode() { return false; }
    writeHead(statusCode, reason, obj) {
      if (this._header) throw headersSentError('write');
      const original = statusCode;
      statusCode |= 0;
      if (statusCode < 100 || statusCode > 999) throw nodeError(RangeError, 'ERR_HTTP_INVALID_STATUS_CODE', `Invalid status code: ${original}`);
      if (typeof reason === 'string') this.statusMessage = reason;
      else if (obj === undefined || obj === null) obj = reason;
      if (this.statusCode !== statusCode) this.statusCode = statusCode;
      let headers;
      if (this[kOutHeaders]) {
        if (obj) {
          if (Array.isArray(obj)) for (let i = 0; i + 1 < obj.length; i += 2) this.setHeader(obj[i], obj[i + 1]);
          else for (const k of Object.keys(obj)) if (k) this.setHeader(k, obj[k]);
        }
        headers = this[kOutHeaders];
      } else {
        headers = obj;
      }
      if (statusCode === 204 || statusCode === 304 || (statusCode >= 100 && statusCode <= 199)) this._hasBody = false;
      this._header = storeHeader(this, headers);
      return this;
    }
    _implicitHeader() { this.writeHead(this.statusCode); }
    // the head (with the first chunk) or more of the body, to hyper
    _send(chunk, end) {
      const id = this._conn._id;
      if ((this._f & SR_STARTED) !== 0) { if (id) mn.httpBody(id, chunk, end); return; }
      this._f |= SR_STARTED;
      // (a reason of node's own table goes as undefined: hyper writes the same words)
      if (id) mn.httpRespond(id, this.statusCode, this._msg, this._header, chunk, end);
    }
    flushHeaders() {
      if (!this._header) this._implicitHeader();
      if (!this._started) this._send('', false);
    }
    write(chunk, encoding, cb) {
      if (typeof encoding === 'function') { cb = encoding; encoding = undefined; }
      if (chunk === null) throw nodeError(TypeError, 'ERR_STREAM_NULL_VALUES', 'May not write null values to stream');
      checkChunk(chunk);
      if (this.finished) {
        const e = nodeError(Error, 'ERR_STREAM_WRITE_AFTER_END', 'write after end');
        nextTick(() => { if (typeof cb === 'function') cb(e); this.emit('error', e); });
        return true;
      }
      if (this._closed) {
        const e = nodeError(Error, 'ERR_STREAM_DESTROYED', 'Cannot call write after a stream was destroyed');
        if (typeof cb === 'function') nextTick(cb, e);
        return false;
      }
      if (!this._header) this._implicitHeader();
      if (!this._hasBody) {
        if (typeof cb === 'function') nextTick(cb);
        return true;
      }
      if (chunk.length === 0) {
        if (typeof cb === 'function') nextTick(cb);
        return true;
      }
      this._send(httpBytes(chunk, encoding), false);
      if (typeof cb === 'function') nextTick(cb);
      return true;
    }
    end(chunk, encoding, cb) {
      if (this._f === 0 && encoding === undefined && typeof chunk === 'string' && this._header === null
        && this[kOutHeaders] === null && this.statusCode === 200 && this._msg === undefined
        && this.shouldKeepAlive && this._hasBody && this.useChunkedEncodingByDefault && this.sendDate
        && this._keepAliveTimeout === 5000 && this.writeHead === ServerResponse.prototype.writeHead) {
        // the common case, kept short: end('text') of a response with nothing set; the head is
        // node's default one (storeHeader's first case), sent in its short form
        this._header = HTTP_DEFAULT_HEAD;
        this._f = SR_FINISHED | SR_STARTED;
        const id = this._conn._id;
        if (id) mn.httpRespond(id, 200, undefined, HTTP_DEFAULT_HEAD, chunk, true);
        if (this._eventsCount > 0) this.emit('prefinish');
        nextTick(httpResFinish, this);
        return this;
      }
      if (typeof chunk === 'function') { cb = chunk; chunk = undefined; encoding = undefined; }
      else if (typeof encoding === 'function') { cb = encoding; encoding = undefined; }
      if (chunk !== undefined && chunk !== null) checkChunk(chunk);
      if (this.finished) {
        if (typeof cb === 'function') {
          if (!this._finishEmitted) this.once('finish', cb);
          else nextTick(cb, nodeError(Error, 'ERR_STREAM_ALREADY_FINISHED', 'Cannot call end after a stream was finished'));
        }
        return this;
      }
      if (typeof cb === 'function') this.once('finish', cb);
      if (!this._header) {
        this._contentLength = chunk === undefined || chunk === null ? 0 : httpByteLength(chunk, encoding);
        this._implicitHeader();
      }
      const body = chunk === undefined || chunk === null || !this._hasBody ? '' : httpBytes(chunk, encoding);
      this._send(body, true);
      this.finished = true;
      if (this._eventsCount > 0) this.emit('prefinish');
      nextTick(httpResFinish, this);
      return this;
    }
    destroy(err) {
      if (this._closed) return this;
      if (this.socket) this.socket.destroy(err);
      return this;
    }
    setTimeout(ms, cb) { if (this.socket) this.socket.setTimeout(ms, cb); return this; }
    addTrailers() {}
    cork() {}
    uncork() {}
    writeContinue() {}
    writeProcessing() {}
    assignSocket() {}
    detachSocket() {}
  }
  Object.setPrototypeOf(ServerResponse.prototype, EventEmitter.prototype);
  Object.setPrototypeOf(ServerResponse, EventEmitter);
  httpFlagProps(ServerResponse.prototype, ['finished', '_started', '_finishEmitted', '_closed']);
  Object.assign(ServerResponse.prototype, outgoingHeaderMethods, {
    statusCode: 200,
    _msg: undefined,
    _header: null,
    shouldKeepAlive: true,
    [kShapeMode]: false,
    sendDate: true,
    chunkedEncoding: false,
    useChunkedEncodingByDefault: true,
    _hasBody: true,
    _last: false,
    _contentLength: null,
    _removedConnection: false,
    _removedContLen: false,
    _removedTE: false,
    _defaultKeepAlive: true,
    _keepAliveTimeout: 5000,
    agent: undefined,
    [kOutHeaders]: null,
  });
  // node's onFinish and resOnFinish: the response left (node's write callback, a tick after end)
  function httpResFinish(res) {
    if ((res._f & (SR_CLOSED | SR_FINISH_EMITTED)) !== 0) return;
    res._f |= SR_FINISH_EMITTED;
    const req = res.req;
    const conn = res._conn;
    if (conn.res === res) { conn.req = null; conn.res = null; }
    if (res._eventsCount === 0 && req._eventsCount === 0 && req._rs === null && (req._f & IM_EOF) !== 0) {
      // nobody listens to either: what the ticks below would do, done now, unobservably
      res._f |= SR_CLOSED;
      req._f |= IM_DONE | IM_DUMPED | IM_DESTROYED | IM_CLOSED;
    } else {
      if (!req._consuming && !(req._rs && req._rs.resumeScheduled)) req._dump();
      nextTick(httpResClose, res);
      res.emit('finish');
    }
    if (!res._last && !conn.server._id && conn.req === null) conn.socket.destroy();
  }
  function httpResClose(res) {
    if (res._closed) return;
    res._closed = true;
    res.emit('close');
  }

  // ---------------------------------------------------------------- Server
  // One served connection: the handle's object (its completions), beside its net.Socket.
  class HttpConnection {
    constructor(server, socket) {
      this.server = server;
      this.socket = socket;
      this._id = 0;
      this.req = null;
      this.res = null;
    }
    onrequest(arr) {
      const server = this.server;
      const req = new IncomingMessage(this.socket);
      req._raw = arr;
      const res = new ServerResponse(req, this);
      const minor = arr[2];
      let keepAlive = minor === 1;
      let te = '';
      for (let i = 4; i + 1 < arr.length; i += 2) {
        const name = arr[i];
        if (name === 'connection') {
          const v = arr[i + 1].toLowerCase();
          if (v.includes('close')) keepAlive = false;
          else if (v.includes('keep-alive')) keepAlive = true;
        } else if (name === 'te') te = arr[i + 1];
      }
      // HTTP/1.0: chunked only if the client says it takes it (node's ServerResponse)
      if (minor === 0) res.useChunkedEncodingByDefault = /chunked/i.test(te);
      if (!keepAlive) res.shouldKeepAlive = false;
      if (server.keepAliveTimeout !== 5000) res._keepAliveTimeout = server.keepAliveTimeout;
      if (arr[0] === 'HEAD') res._hasBody = false;
      this.req = req;
      this.res = res;
      server.emit('request', req, res);
      if (!arr[3]) {
        // as llhttp's parser: the message completes after 'request', and its end waits for a reader
        if (req._rs === null && (req._f & IM_DESTROYED) === 0) req._f |= IM_COMPLETE | IM_EOF;
        else { req.complete = true; req._push(null); }
      }
    }
    onbody(buf) { if (this.req !== null) this.req._push(buf); }
    onbodyend() {
      const req = this.req;
      if (req !== null) { req.complete = true; req._push(null); }
    }
    onhangup(why) {
      if (typeof why === 'string' && why.startsWith('HPE_')) {
        const e = new Error(`Parse Error: ${HTTP_PARSE_ERRORS[why] || 'Invalid header value char'}`);
        e.bytesParsed = 0;
        e.code = why;
        e.reason = HTTP_PARSE_ERRORS[why];
        if (this.server.listenerCount('clientError') > 0) this.server.emit('clientError', e, this.socket);
      }
      this.socket.destroy();
    }
    onclose() {
      const req = this.req;
      const res = this.res;
      this.req = null;
      this.res = null;
      if (res !== null && !res._closed) {
        res._closed = true;
        res.emit('close');
      }
      if (req !== null && !req.complete) req.destroy(netConnReset('aborted'));
      else if (req !== null && !req.destroyed && res !== null && !res._finishEmitted) req.destroy();
      this.socket.onclose();
    }
  }
  const HTTP_PARSE_ERRORS = {
    HPE_INVALID_METHOD: 'Invalid method encountered',
    HPE_INVALID_VERSION: 'Invalid HTTP version',
    HPE_INVALID_URL: 'Invalid URL',
    HPE_HEADER_OVERFLOW: 'Header overflow',
    HPE_INVALID_HEADER_TOKEN: 'Invalid header value char',
  };
  function netConnReset(message) {
    const e = new Error(message);
    e.code = 'ECONNRESET';
    return e;
  }

  class HttpServer extends Server {
    constructor(options, requestListener) {
      if (typeof options === 'function') { requestListener = options; options = {}; }
      else if (options === undefined || options === null) options = {};
      else if (typeof options !== 'object') throw invalidArgType('options', 'object', options);
      super({ noDelay: options.noDelay !== false, allowHalfOpen: true });
      if (typeof requestListener === 'function') this.on('request', requestListener);
      this._httpConns = new Set();
      this.timeout = 0;
      this.maxHeadersCount = null;
      this.maxRequestsPerSocket = 0;
      this.headersTimeout = 60000;
      this.requestTimeout = 300000;
      this.keepAliveTimeout = options.keepAliveTimeout === undefined ? 5000 : options.keepAliveTimeout;
      this.httpAllowHalfOpen = false;
    }
    _adoptConnection(fd) {
      const socket = new Socket();
      const conn = new HttpConnection(this, socket);
      const id = ioOpen('net.Socket', conn, true);
      const r = mn.httpServe(id, fd);
      if (Array.isArray(r)) {
        ioClose(id);
        mn.fdClose(fd);
        return;
      }
      conn._id = id;
      socket._id = id;
      socket._handle = { fd };
      socket.readable = true;
      socket.writable = true;
      socket.server = this;
      socket._server = this;
      socket._httpConn = conn;
      this._connections++;
      this._httpConns.add(conn);
      socket.once('close', () => this._httpConns.delete(conn));
      this.emit('connection', socket);
    }
    close(cb) {
      this.closeIdleConnections();
      return super.close(cb);
    }
    closeIdleConnections() {
      for (const conn of this._httpConns) if (conn.req === null) conn.socket.destroy();
    }
    closeAllConnections() {
      for (const conn of this._httpConns) conn.socket.destroy();
    }
    setTimeout(ms, cb) {
      this.timeout = ms;
      if (typeof cb === 'function') this.on('timeout', cb);
      return this;
    }
  }
  Object.defineProperty(HttpServer, 'name', { value: 'Server' });

  // the module; lib/http_client.js fills in the client's part (the keys in node's order)
  const http = {
    METHODS,
    STATUS_CODES,
    Agent: undefined,
    ClientRequest: undefined,
    IncomingMessage,
    OutgoingMessage: EventEmitter,
    Server: HttpServer,
    ServerResponse,
    createServer: (options, listener) => new HttpServer(options, listener),
    validateHeaderName,
    validateHeaderValue,
    get: undefined,
    request: undefined,
    setMaxIdleHTTPParsers() {},
    maxHeaderSize: 16384,
    globalAgent: undefined,
  };
