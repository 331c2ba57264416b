// http.js: require('http'): createServer / Server, IncomingMessage, ServerResponse, request / get
// / ClientRequest, Agent (globalAgent keeps connections alive, as node 20's), STATUS_CODES,
// METHODS, validateHeaderName / validateHeaderValue, as node v20's behave for them.
//
// HOW: HTTP itself (parsing, framing, keep-alive) is hyper's, in src/eventloop/host/http.rs. An
// http.Server is a net.Server whose accepted fds are served by hyper (`mn.httpServe`): each
// connection is a handle whose completions run in the poll phase: `onrequest([method, url,
// minor, hasBody, name, value, ...])` (one per request: 'request' is emitted there, and a
// request without a body completes right after, as llhttp's parser does), `onbody(Buffer)`,
// `onbodyend`, `onhangup(reason)` (the client left, or sent what hyper answered with a 400).
// A ServerResponse writes node's head (user headers, then Date, Connection, Keep-Alive, then
// Content-Length when end() has the whole body, else Transfer-Encoding: chunked; node's
// _storeHeader) with its first write or end (`mn.httpRespond`), the rest through `mn.httpBody`.
// Its 'finish' comes on the next tick (node's socket write callback), 'close' a tick later, and
// the request's 'end' and 'close' after them (node's resOnFinish). A ClientRequest sends through
// `mn.httpRequest` (on an idle connection of its agent, given back a tick after the response's
// 'end', as node's 'free'), and its completions are `onresponse([status, reason, minor, conn,
// name, value, ...])`, `ondata`, `onend`, `onerror`.
// WHY: hyper parses and writes HTTP; the order of node's events and its default headers are what
// a course compares, so they are kept here.
//
// Shared with Rust: the completions above, and a header list `[name, value, ...]` where a 'Date'
// without a value means "the current date" (src/eventloop/host/http.rs `header_map`).
// Bridge names: httpServe, httpRespond, httpBody, httpRequest, in BRIDGE in
// src/eventloop/host/bridge.rs. Uses net.js's Server, Socket, errnoWithHostPort.

  // ---------------------------------------------------------------- http
  const STATUS_CODES = {
    100: 'Continue', 101: 'Switching Protocols', 102: 'Processing', 103: 'Early Hints',
    200: 'OK', 201: 'Created', 202: 'Accepted', 203: 'Non-Authoritative Information', 204: 'No Content',
    205: 'Reset Content', 206: 'Partial Content', 207: 'Multi-Status', 208: 'Already Reported', 226: 'IM Used',
    300: 'Multiple Choices', 301: 'Moved Permanently', 302: 'Found', 303: 'See Other', 304: 'Not Modified',
    305: 'Use Proxy', 307: 'Temporary Redirect', 308: 'Permanent Redirect',
    400: 'Bad Request', 401: 'Unauthorized', 402: 'Payment Required', 403: 'Forbidden', 404: 'Not Found',
    405: 'Method Not Allowed', 406: 'Not Acceptable', 407: 'Proxy Authentication Required', 408: 'Request Timeout',
    409: 'Conflict', 410: 'Gone', 411: 'Length Required', 412: 'Precondition Failed', 413: 'Payload Too Large',
    414: 'URI Too Long', 415: 'Unsupported Media Type', 416: 'Range Not Satisfiable', 417: 'Expectation Failed',
    418: "I'm a Teapot", 421: 'Misdirected Request', 422: 'Unprocessable Entity', 423: 'Locked',
    424: 'Failed Dependency', 425: 'Too Early', 426: 'Upgrade Required', 428: 'Precondition Required',
    429: 'Too Many Requests', 431: 'Request Header Fields Too Large', 451: 'Unavailable For Legal Reasons',
    500: 'Internal Server Error', 501: 'Not Implemented', 502: 'Bad Gateway', 503: 'Service Unavailable',
    504: 'Gateway Timeout', 505: 'HTTP Version Not Supported', 506: 'Variant Also Negotiates',
    507: 'Insufficient Storage', 508: 'Loop Detected', 509: 'Bandwidth Limit Exceeded', 510: 'Not Extended',
    511: 'Network Authentication Required',
  };
  const METHODS = ['ACL', 'BIND', 'CHECKOUT', 'CONNECT', 'COPY', 'DELETE', 'GET', 'HEAD', 'LINK', 'LOCK',
    'M-SEARCH', 'MERGE', 'MKACTIVITY', 'MKCALENDAR', 'MKCOL', 'MOVE', 'NOTIFY', 'OPTIONS', 'PATCH', 'POST',
    'PROPFIND', 'PROPPATCH', 'PURGE', 'PUT', 'QUERY', 'REBIND', 'REPORT', 'SEARCH', 'SOURCE', 'SUBSCRIBE',
    'TRACE', 'UNBIND', 'UNLINK', 'UNLOCK', 'UNSUBSCRIBE'];
  const HTTP_TOKEN = /^[\^_`a-zA-Z\-0-9!#$%&'*+.|~]+$/;
  const HTTP_BAD_VALUE = /[^\t\x20-\x7e\x80-\xff]/;
  function validateHeaderName(name, label = 'Header name') {
    if (typeof name !== 'string' || !name || !HTTP_TOKEN.test(name)) {
      throw nodeError(TypeError, 'ERR_INVALID_HTTP_TOKEN', `${label} must be a valid HTTP token ["${name}"]`);
    }
  }
  function validateHeaderValue(name, value) {
    if (value === undefined) throw nodeError(TypeError, 'ERR_HTTP_INVALID_HEADER_VALUE', `Invalid value "${value}" for header "${name}"`);
    if (HTTP_BAD_VALUE.test(String(value))) throw nodeError(TypeError, 'ERR_INVALID_CHAR', `Invalid character in header content ["${name}"]`);
  }
  function headersSentError(what) {
    return nodeError(Error, 'ERR_HTTP_HEADERS_SENT', `Cannot ${what} headers after they are sent to the client`);
  }
  // A header name as most clients write it (hyper hands them over lowercased).
  function httpTitleCase(name) {
    let out = '';
    let up = true;
    for (let i = 0; i < name.length; i++) {
      const c = name[i];
      out += up ? c.toUpperCase() : c;
      up = c === '-';
    }
    return out;
  }
  // node's rules for a repeated header in `message.headers`: kept once, joined, or a list
  const HTTP_SINGLE = new Set(['content-type', 'content-length', 'user-agent', 'referer', 'host', 'authorization',
    'proxy-authorization', 'if-modified-since', 'if-unmodified-since', 'from', 'location', 'max-forwards',
    'retry-after', 'etag', 'last-modified', 'server', 'age', 'expires']);
  function httpBytes(chunk, encoding) {
    if (typeof chunk !== 'string' || encoding === undefined || encoding === null || encoding === 'utf8' || encoding === 'utf-8') return chunk;
    return BufferFn.from(chunk, encoding);
  }
  function httpByteLength(chunk, encoding) {
    if (typeof chunk !== 'string') return chunk.length;
    if (encoding !== undefined && encoding !== null && encoding !== 'utf8' && encoding !== 'utf-8') return BufferFn.byteLength(chunk, encoding);
    // UTF-8's length, counted here (short bodies are the common case)
    let n = chunk.length;
    if (n > 4096) return BufferFn.byteLength(chunk, 'utf8');
    for (let i = 0; i < chunk.length; i++) {
      const c = chunk.charCodeAt(i);
      if (c < 0x80) continue;
      if (c < 0x800) n += 1;
      else if (c >= 0xD800 && c <= 0xDBFF && i + 1 < chunk.length && (chunk.charCodeAt(i + 1) & 0xFC00) === 0xDC00) { n += 2; i++; }
      else n += 2;
    }
    return n;
  }
  function checkChunk(chunk) {
    if (typeof chunk !== 'string' && !(chunk instanceof Uint8Array)) {
      throw invalidArgType('chunk', 'string or an instance of Buffer or Uint8Array', chunk);
    }
  }

  // ---------------------------------------------------------------- IncomingMessage
  // A request (server) or response (client): a readable of body chunks, with node's stream order
  // ('data' once resumed, 'end' on a tick once the body is complete and read, 'close' a tick later).
  // A message's boolean state, bits of one number: a new message adds three properties, not
  // fifteen (each added property costs more than the rest of a small request).
  function httpFlagProps(proto, names) {
    names.forEach((name, i) => {
      const bit = 1 << i;
      Object.defineProperty(proto, name, {
        get() { return (this._f & bit) !== 0; },
        set(v) { this._f = v ? this._f | bit : this._f & ~bit; },
        configurable: true,
      });
    });
  }
  // an own value for a property whose default is computed
  function httpOwn(obj, name, value) {
    Object.defineProperty(obj, name, { value, writable: true, enumerable: true, configurable: true });
  }
  // IncomingMessage's bits, in httpFlagProps's order below
  const IM_COMPLETE = 1, IM_EOF = 8, IM_DONE = 16, IM_DUMPED = 64, IM_DESTROYED = 4, IM_CLOSED = 128;
  // ServerResponse's bits
  const SR_FINISHED = 1, SR_STARTED = 2, SR_FINISH_EMITTED = 4, SR_CLOSED = 8;
  // The head node writes for a whole body with nothing set: Date, Connection: keep-alive,
  // Keep-Alive: timeout=5, Content-Length. It goes to Rust as the number 5 (the keep-alive
  // seconds), which *Must* match `default_head` in src/eventloop/host/http.rs.
  const HTTP_DEFAULT_HEAD = 5;
  class IncomingMessage {
    constructor(socket) {
      // EventEmitter's state is made when a listener is added (EventEmitter's methods allow it)
      this.socket = socket;
      this._raw = null;
      this._f = 0;
    }
    // a server's request reads these from the array its completion brought
    get method() { return this._raw === null || this._client ? null : this._raw[0]; }
    set method(v) { httpOwn(this, 'method', v); }
    get url() { return this._raw === null || this._client ? '' : this._raw[1]; }
    set url(v) { httpOwn(this, 'url', v); }
    get httpVersionMinor() { return this._raw === null ? 1 : this._raw[2]; }
    set httpVersionMinor(v) { httpOwn(this, 'httpVersionMinor', v); }
    get httpVersionMajor() { return 1; }
    get httpVersion() { return `1.${this.httpVersionMinor}`; }
    get connection() { return this.socket; }
    get client() { return this.socket; }
    get upgrade() { return false; }
    get rawTrailers() { return []; }
    get trailers() { return {}; }
    get headers() {
      if (this._headers === null) {
        const h = {};
        const raw = this._raw;
        for (let i = this._rawAt; i + 1 < raw.length; i += 2) {
          const name = raw[i];
          const value = raw[i + 1];
          const have = h[name];
          if (have === undefined) h[name] = name === 'set-cookie' ? [value] : value;
          else if (name === 'set-cookie') have.push(value);
          else if (!HTTP_SINGLE.has(name)) h[name] = have + (name === 'cookie' ? '; ' : ', ') + value;
        }
        this._headers = h;
      }
      return this._headers;
    }
    set headers(v) { this._headers = v; }
    get headersDistinct() {
      const h = { __proto__: null };
      for (let i = this._rawAt; i + 1 < this._raw.length; i += 2) (h[this._raw[i]] || (h[this._raw[i]] = [])).push(this._raw[i + 1]);
      return h;
    }
    get rawHeaders() {
      const out = [];
      for (let i = this._rawAt; i + 1 < this._raw.length; i += 2) out.push(httpTitleCase(this._raw[i]), this._raw[i + 1]);
      return out;
    }
    _state() {
      if (this._rs === null) {
        this._rs = netReadState();
        if (this._eof) this._rs.ended = true;
        if (this._done) { this._rs.ended = true; this._rs.endEmitted = true; this._rs.flowing = true; }
      }
      return this._rs;
    }
    get readable() { return !this.destroyed && !this.readableEnded; }
    get readableEnded() { return this._rs === null ? this._done : this._rs.endEmitted; }
    get readableFlowing() { return this._rs === null ? null : this._rs.flowing; }
    get readableLength() { return this._rs === null ? 0 : this._rs.buffer.reduce((n, b) => n + b.length, 0); }
    on(ev, fn) {
      super.on(ev, fn);
      if (ev === 'data') {
        this._consuming = true;
        if (this._state().flowing !== false) this.resume();
      }
      return this;
    }
    addListener(ev, fn) { return this.on(ev, fn); }
    setEncoding(encoding) { this._state().decoder = netDecoder(encoding); return this; }
    pipe(dest, options) { return netPipe(this, dest, options); }
    unpipe() { return this; }
    isPaused() { return this._rs !== null && this._rs.flowing === false; }
    pause() {
      const rs = this._state();
      if (rs.flowing !== false) { rs.flowing = false; this.emit('pause'); }
      return this;
    }
    resume() {
      const rs = this._state();
      this._consuming = true;
      if (!rs.flowing) {
        rs.flowing = true;
        if (!rs.resumeScheduled) { rs.resumeScheduled = true; nextTick(httpResumeNT, this); }
      }
      return this;
    }
    read() {
      const rs = this._state();
      this._consuming = true;
      if (rs.buffer.length === 0) { httpMaybeEnd(this, true); return null; }
      const b = rs.buffer.shift();
      const out = rs.decoder ? rs.decoder.write(b) : b;
      this.emit('data', out);
      if (rs.buffer.length === 0) httpMaybeEnd(this, true);
      return out;
    }
    // a body chunk, or null at its end (node's readable.push)
    _push(chunk) {
      if (this.destroyed) return;
      if (chunk === null && this._rs === null) {
        // nothing reads it yet: its end is noted, and flows when something does
        this._eof = true;
        return;
      }
      const rs = this._state();
      if (chunk === null) {
        rs.ended = true;
        httpMaybeEnd(this);
      } else if (rs.flowing && rs.buffer.length === 0 && !rs.resumeScheduled) {
        this.emit('data', rs.decoder ? rs.decoder.write(chunk) : chunk);
      } else {
        rs.buffer.push(chunk);
      }
    }
    _dump() {
      if (!this._dumped) {
        this._dumped = true;
        this.removeAllListeners('data');
        this.resume();
      }
    }
    destroy(err) {
      if (this.destroyed) return this;
      this.destroyed = true;
      if (!this.readableEnded || !this.complete) {
        this.aborted = true;
        this.emit('aborted');
      }
      if (err && this.listenerCount('error') > 0) nextTick(netEmitError, this, err);
      nextTick(httpEmitClose, this);
      if (this._onDestroy) this._onDestroy(err);
      return this;
    }
    setTimeout(ms, cb) { if (this.socket && this.socket.setTimeout) this.socket.setTimeout(ms, cb); return this; }
    [Symbol.asyncIterator]() {
      const chunks = [];
      const waiting = [];
      let done = false;
      let error = null;
      const settle = () => {
        while (waiting.length && (chunks.length || done || error)) {
          const w = waiting.shift();
          if (chunks.length) w.resolve({ value: chunks.shift(), done: false });
          else if (error) w.reject(error);
          else w.resolve({ value: undefined, done: true });
        }
      };
      this.on('data', (c) => { chunks.push(c); settle(); });
      this.on('end', () => { done = true; settle(); });
      this.on('error', (e) => { error = e; settle(); });
      this.on('close', () => { done = true; settle(); });
      return {
        next: () => new Promise((resolve, reject) => { waiting.push({ resolve, reject }); settle(); }),
        return: () => { done = true; this.destroy(); return Promise.resolve({ value: undefined, done: true }); },
        [Symbol.asyncIterator]() { return this; },
      };
    }
  }
  Object.setPrototypeOf(IncomingMessage.prototype, EventEmitter.prototype);
  Object.setPrototypeOf(IncomingMessage, EventEmitter);
  // the fields every message starts with, shared until one is set
  Object.assign(IncomingMessage.prototype, {
    _rawAt: 4, _headers: null, _rs: null, statusCode: null, statusMessage: null, [kShapeMode]: false,
  });
  httpFlagProps(IncomingMessage.prototype, ['complete', 'aborted', 'destroyed', '_eof', '_done', '_consuming', '_dumped', '_closed', '_client']);
  function httpResumeNT(m) {
    const rs = m._rs;
    rs.resumeScheduled = false;
    m.emit('resume');
    while (rs.flowing && rs.buffer.length > 0 && !m.destroyed) m.read();
    httpMaybeEnd(m);
  }
  // the body complete and read: 'end' on a tick (node's endReadable), once something reads it
  function httpMaybeEnd(m, reading) {
    const rs = m._rs;
    if (rs.ended && rs.buffer.length === 0 && !rs.endScheduled && !rs.endEmitted && (rs.flowing || reading)) {
      rs.endScheduled = true;
      nextTick(httpEndNT, m);
    }
  }
  function httpEndNT(m) {
    const rs = m._rs;
    if (rs.endEmitted || m.destroyed || rs.buffer.length > 0) return;
    rs.endEmitted = true;
    m.emit('end');
    // autoDestroy
    if (!m.destroyed) {
      m.destroyed = true;
      nextTick(httpEmitClose, m);
    }
  }
  function httpEmitClose(m) {
    if (m._closed) return;
    m._closed = true;
    m.emit('close');
  }

  // ---------------------------------------------------------------- outgoing headers
  // node's OutgoingMessage header store: lowercased name -> [name as set, value]
  const kOutHeaders = Symbol('kOutHeaders');
  const outgoingHeaderMethods = {
    setHeader(name, value) {
      if (this._header) throw headersSentError('set');
      validateHeaderName(name);
      validateHeaderValue(name, value);
      (this[kOutHeaders] || (this[kOutHeaders] = { __proto__: null }))[name.toLowerCase()] = [name, value];
      return this;
    },
    appendHeader(name, value) {
      if (this._header) throw headersSentError('append');
      validateHeaderName(name);
      validateHeaderValue(name, value);
      const headers = this[kOutHeaders] || (this[kOutHeaders] = { __proto__: null });
      const key = name.toLowerCase();
      const have = headers[key];
      if (have === undefined) headers[key] = [name, value];
      else have[1] = [].concat(have[1], value);
      return this;
    },
    getHeader(name) {
      if (typeof name !== 'string') throw invalidArgType('name', 'string', name);
      const h = this[kOutHeaders] && this[kOutHeaders][name.toLowerCase()];
      return h === undefined || h === null ? undefined : h[1];
    },
    getHeaders() {
      const out = { __proto__: null };
      const headers = this[kOutHeaders];
      if (headers) for (const k of Object.keys(headers)) out[k] = headers[k][1];
      return out;
    },
    getHeaderNames() { return this[kOutHeaders] ? Object.keys(this[kOutHeaders]) : []; },
    getRawHeaderNames() { return this[kOutHeaders] ? Object.values(this[kOutHeaders]).map((h) => h[0]) : []; },
    hasHeader(name) {
      if (typeof name !== 'string') throw invalidArgType('name', 'string', name);
      return Boolean(this[kOutHeaders] && this[kOutHeaders][name.toLowerCase()]);
    },
    removeHeader(name) {
      if (typeof name !== 'string') throw invalidArgType('name', 'string', name);
      if (this._header) throw headersSentError('remove');
      const key = name.toLowerCase();
      if (key === 'content-length') this._removedContLen = true;
      else if (key === 'transfer-encoding') this._removedTE = true;
      else if (key === 'connection') this._removedConnection = true;
      else if (key === 'date') this.sendDate = false;
      if (this[kOutHeaders]) delete this[kOutHeaders][key];
    },
  };
  // node's _storeHeader: the head as `[name, value, ...]` for Rust, user headers first, then
  // Date, Connection, Keep-Alive, Content-Length or Transfer-Encoding as node adds them.
  function storeHeader(msg, headers) {
    if (!headers && msg.sendDate && msg.shouldKeepAlive && msg._hasBody && msg.useChunkedEncodingByDefault
      && !msg._removedConnection && !msg._removedContLen && msg._keepAliveTimeout && msg._defaultKeepAlive
      && typeof msg._contentLength === 'number') {
      // the common head: no headers of the user's, keep-alive, the whole body known
      return ['Date', undefined, 'Connection', 'keep-alive', 'Keep-Alive', `timeout=${Math.floor(msg._keepAliveTimeout / 1000)}`,
        'Content-Length', String(msg._contentLength)];
    }
    const list = [];
    let connection = false;
    let contLen = false;
    let te = false;
    let date = false;
    let trailer = false;
    const add = (name, value) => {
      const values = Array.isArray(value) ? value : [value];
      for (const v of values) {
        list.push(name, String(v));
        const key = name.length < 18 ? name.toLowerCase() : '';
        if (key === 'connection') {
          connection = true;
          if (/(?:^|\W)close(?:$|\W)/i.test(v)) msg._last = true;
          else msg.shouldKeepAlive = true;
        } else if (key === 'transfer-encoding') {
          te = true;
          if (/(?:^|\W)chunked(?:$|\W)/i.test(v)) msg.chunkedEncoding = true;
        } else if (key === 'content-length') contLen = true;
        else if (key === 'date') date = true;
        else if (key === 'trailer') trailer = true;
        else if (key === 'keep-alive') msg._defaultKeepAlive = false;
      }
    };
    if (headers) {
      if (Array.isArray(headers)) {
        if (headers.length && Array.isArray(headers[0])) for (const [k, v] of headers) add(k, v);
        else for (let i = 0; i + 1 < headers.length; i += 2) add(headers[i], headers[i + 1]);
      } else if (headers === msg[kOutHeaders]) {
        for (const k of Object.keys(headers)) { const h = headers[k]; add(h[0], h[1]); }
      } else {
        for (const k of Object.keys(headers)) { validateHeaderName(k); validateHeaderValue(k, headers[k]); add(k, headers[k]); }
      }
    }
    if (msg.sendDate && !date) list.push('Date', undefined);
    if (msg.chunkedEncoding && (msg.statusCode === 204 || msg.statusCode === 304)) {
      msg.chunkedEncoding = false;
      msg.shouldKeepAlive = false;
    }
    if (msg._removedConnection) {
      msg._last = !msg.shouldKeepAlive;
    } else if (!connection) {
      const sendKeepAlive = msg.shouldKeepAlive && (contLen || msg.useChunkedEncodingByDefault || msg.agent);
      if (sendKeepAlive) {
        list.push('Connection', 'keep-alive');
        if (msg._keepAliveTimeout && msg._defaultKeepAlive) list.push('Keep-Alive', `timeout=${Math.floor(msg._keepAliveTimeout / 1000)}`);
      } else {
        msg._last = true;
        list.push('Connection', 'close');
      }
    }
    if (!contLen && !te) {
      if (!msg._hasBody) msg.chunkedEncoding = false;
      else if (!msg.useChunkedEncodingByDefault) msg._last = true;
      else if (!trailer && !msg._removedContLen && typeof msg._contentLength === 'number') list.push('Content-Length', String(msg._contentLength));
      else if (!msg._removedTE) { list.push('Transfer-Encoding', 'chunked'); msg.chunkedEncoding = true; }
      else msg._last = true;
    }
    return list;
  }

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

  // ---------------------------------------------------------------- client
  class Agent extends EventEmitter {
    constructor(options) {
      super();
      this.defaultPort = 80;
      this.protocol = 'http:';
      this.options = { __proto__: null, ...options };
      if (this.options.noDelay === undefined) this.options.noDelay = true;
      this.options.path = null;
      this.requests = { __proto__: null };
      this.sockets = { __proto__: null };
      this.freeSockets = { __proto__: null };
      this.keepAliveMsecs = this.options.keepAliveMsecs || 1000;
      this.keepAlive = this.options.keepAlive || false;
      this.maxSockets = this.options.maxSockets || Agent.defaultMaxSockets;
      this.maxFreeSockets = this.options.maxFreeSockets || 256;
      this.scheduling = this.options.scheduling || 'lifo';
      this.maxTotalSockets = this.options.maxTotalSockets || Infinity;
      this.totalSocketCount = 0;
      this._free = new Map();
    }
    getName(options = {}) {
      let name = options.host || 'localhost';
      name += ':';
      if (options.port) name += options.port;
      name += ':';
      if (options.localAddress) name += options.localAddress;
      if (options.family === 4 || options.family === 6) name += `:${options.family}`;
      return name;
    }
    destroy() { this._free.clear(); }
  }
  Agent.defaultMaxSockets = Infinity;
  Object.defineProperty(Agent, 'name', { value: 'Agent' });
  const globalAgent = new Agent({ keepAlive: true, scheduling: 'lifo', timeout: 5000 });

  class ClientRequest extends EventEmitter {
    constructor(input, options, cb) {
      super();
      if (typeof input === 'string' || (input !== null && typeof input === 'object' && typeof input.href === 'string' && typeof input.searchParams === 'object')) {
        const url = typeof input === 'string' ? new (urlLib().URL)(input) : input;
        const fromUrl = {
          protocol: url.protocol,
          hostname: url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname,
          path: `${url.pathname || ''}${url.search || ''}`,
        };
        if (url.port !== '') fromUrl.port = Number(url.port);
        if (url.username || url.password) fromUrl.auth = `${decodeURIComponent(url.username)}:${decodeURIComponent(url.password)}`;
        if (typeof options === 'function') { cb = options; options = fromUrl; }
        else options = Object.assign(fromUrl, options);
      } else {
        cb = options;
        options = input;
      }
      if (options === null || options === undefined) options = {};
      if (typeof options !== 'object') throw invalidArgType('options', 'object', options);
      let agent = options.agent;
      if (agent === false) agent = new Agent();
      else if (agent === undefined || agent === null) agent = typeof options.createConnection === 'function' ? undefined : globalAgent;
      this.agent = agent;
      const protocol = options.protocol || 'http:';
      if (protocol !== 'http:') throw nodeError(TypeError, 'ERR_INVALID_PROTOCOL', `Protocol "${protocol}" not supported. Expected "http:"`);
      const port = options.port || options.defaultPort || 80;
      const host = options.hostname || options.host || 'localhost';
      this.host = host;
      this.port = port;
      this.protocol = protocol;
      this.path = options.path || '/';
      if (/[\u0000-\u0020]/.test(this.path)) throw nodeError(TypeError, 'ERR_UNESCAPED_CHARACTERS', 'Request path contains unescaped characters');
      const method = options.method === undefined || options.method === null ? 'GET' : String(options.method).toUpperCase();
      if (!HTTP_TOKEN.test(method)) throw nodeError(TypeError, 'ERR_INVALID_HTTP_TOKEN', `Method must be a valid HTTP token ["${options.method}"]`);
      this.method = method;
      this.reusedSocket = false;
      this.res = null;
      this.aborted = false;
      this.destroyed = false;
      this.finished = false;
      this._header = null;
      this._started = false;
      this._ended = false;
      this._id = 0;
      this._conn = 0;
      this.timeoutCb = null;
      this.shouldKeepAlive = Boolean(agent && agent.keepAlive);
      this.useChunkedEncodingByDefault = !['GET', 'HEAD', 'DELETE', 'OPTIONS', 'TRACE', 'CONNECT'].includes(method);
      this.socket = new Socket();
      if (typeof cb === 'function') this.once('response', cb);
      const headers = options.headers;
      if (headers) {
        if (Array.isArray(headers)) for (let i = 0; i + 1 < headers.length; i += 2) this.setHeader(headers[i], headers[i + 1]);
        else for (const k of Object.keys(headers)) this.setHeader(k, headers[k]);
      }
      if (options.auth && !this.getHeader('Authorization')) this.setHeader('Authorization', `Basic ${BufferFn.from(options.auth).toString('base64')}`);
      if (options.setHost !== false && !this.getHeader('host')) {
        let hostHeader = host.includes(':') && !host.startsWith('[') ? `[${host}]` : host;
        if (+port !== 80) hostHeader += `:${port}`;
        this.setHeader('Host', hostHeader);
      }
      if (options.timeout !== undefined) this.setTimeout(options.timeout);
      this._name = agent ? agent.getName({ host, port: port }) : '';
      nextTick(httpEmitSocket, this);
    }
    get headersSent() { return this._header !== null; }
    get writableEnded() { return this._ended; }
    get writableFinished() { return this.finished; }
    get connection() { return this.socket; }
    _start(chunk, end) {
      if (this._header === null) this._header = storeHeader(this, this[kOutHeaders]);
      this._started = true;
      this._id = ioOpen('http.ClientRequest', this, true);
      const free = this.agent && this.agent._free.get(this._name);
      const conn = free && free.length ? free.pop() : 0;
      this._conn = mn.httpRequest(this._id, conn, [this.host, +this.port, this.method, this.path], this._header, chunk, end);
      this.reusedSocket = conn !== 0 && this._conn === conn;
    }
    write(chunk, encoding, cb) {
      if (typeof encoding === 'function') { cb = encoding; encoding = undefined; }
      checkChunk(chunk);
      if (this._ended) {
        const e = nodeError(Error, 'ERR_STREAM_WRITE_AFTER_END', 'write after end');
        nextTick(() => { if (typeof cb === 'function') cb(e); this.emit('error', e); });
        return true;
      }
      if (this.destroyed) return false;
      const data = httpBytes(chunk, encoding);
      if (!this._started) this._start(data, false);
      else if (chunk.length) mn.httpBody(this._id, data, false);
      if (typeof cb === 'function') nextTick(cb);
      return true;
    }
    end(chunk, encoding, cb) {
      if (typeof chunk === 'function') { cb = chunk; chunk = undefined; encoding = undefined; }
      else if (typeof encoding === 'function') { cb = encoding; encoding = undefined; }
      if (this._ended) { if (typeof cb === 'function') nextTick(cb); return this; }
      if (typeof cb === 'function') this.once('finish', cb);
      this._ended = true;
      if (this.destroyed) return this;
      const data = chunk === undefined || chunk === null ? '' : httpBytes(chunk, encoding);
      if (!this._started) {
        this._contentLength = chunk === undefined || chunk === null ? 0 : httpByteLength(chunk, encoding);
        this._start(data, true);
      } else {
        mn.httpBody(this._id, data, true);
      }
      nextTick(httpReqFinish, this);
      return this;
    }
    flushHeaders() { if (!this._started) this._start('', false); }
    setNoDelay() {}
    setSocketKeepAlive() {}
    setTimeout(ms, cb) {
      if (typeof cb === 'function') this.once('timeout', cb);
      if (this._timer) clearTimeout(this._timer);
      this._timer = ms > 0 ? setTimeout(() => this.emit('timeout'), ms).unref() : null;
      return this;
    }
    abort() {
      if (this.aborted) return;
      this.aborted = true;
      nextTick(() => this.emit('abort'));
      this.destroy();
    }
    destroy(err) {
      if (this.destroyed) return this;
      this.destroyed = true;
      if (this._timer) clearTimeout(this._timer);
      const res = this.res;
      if (res !== null && !res.complete) res.destroy(netConnReset('aborted'));
      if (!err && res === null) err = netConnReset('socket hang up');
      if (err && res === null) nextTick(netEmitError, this, err);
      if (this._id) ioClose(this._id);
      else nextTick(httpEmitClose, this);
      return this;
    }
    onconnect() {}
    onresponse(arr) {
      if (this.destroyed) return;
      if (this._timer) clearTimeout(this._timer);
      const res = new IncomingMessage(this.socket);
      res._raw = arr;
      res._client = true;
      res.statusCode = arr[0];
      res.statusMessage = arr[1];
      res.req = this;
      this.res = res;
      res.once('end', () => httpResponseOnEnd(this, res));
      if (!this.emit('response', res)) res._dump();
    }
    ondata(buf) { if (this.res !== null) this.res._push(buf); }
    onend() {
      const res = this.res;
      if (this._id) { ioClose(this._id); this._id = 0; this._closeByEnd = true; }
      if (res !== null) { res.complete = true; res._push(null); }
    }
    onerror(arr) {
      if (this.destroyed) return;
      const e = arr[2] === 'hangup' ? netConnReset('socket hang up') : errnoWithHostPort(arr, arr[2], arr[4], arr[5]);
      this.destroyed = true;
      const res = this.res;
      if (res !== null && !res.complete) {
        res.destroy(netConnReset('aborted'));
      } else {
        nextTick(netEmitError, this, e);
      }
      if (this._id) ioClose(this._id);
    }
    onclose() {
      this._id = 0;
      if (this._closeByEnd) return;
      this.emit('close');
    }
  }
  Object.assign(ClientRequest.prototype, outgoingHeaderMethods, {
    sendDate: false,
    chunkedEncoding: false,
    _hasBody: true,
    _last: false,
    _contentLength: null,
    _removedConnection: false,
    _removedContLen: false,
    _removedTE: false,
    _defaultKeepAlive: true,
    _keepAliveTimeout: 0,
    [kOutHeaders]: null,
  });
  function httpEmitSocket(req) { if (!req.destroyed) req.emit('socket', req.socket); }
  function httpReqFinish(req) {
    if (req.finished) return;
    req.finished = true;
    req.emit('prefinish');
    req.emit('finish');
  }
  // node's responseOnEnd: the request closes, then (keep-alive) its connection is free again
  function httpResponseOnEnd(req, res) {
    nextTick(() => { req.destroyed = true; req.emit('close'); });
    const agent = req.agent;
    const close = /(?:^|\W)close(?:$|\W)/i.test(res.headers.connection || '');
    if (agent && agent.keepAlive && req.shouldKeepAlive && !close && req._conn) {
      nextTick(() => {
        let free = agent._free.get(req._name);
        if (free === undefined) agent._free.set(req._name, (free = []));
        free.push(req._conn);
        req.socket.emit('free');
      });
    }
  }

  function httpGet(input, options, cb) {
    const req = new ClientRequest(input, options, cb);
    req.end();
    return req;
  }

  const http = {
    METHODS,
    STATUS_CODES,
    Agent,
    ClientRequest,
    IncomingMessage,
    OutgoingMessage: EventEmitter,
    Server: HttpServer,
    ServerResponse,
    createServer: (options, listener) => new HttpServer(options, listener),
    validateHeaderName,
    validateHeaderValue,
    get: httpGet,
    request: (input, options, cb) => new ClientRequest(input, options, cb),
    setMaxIdleHTTPParsers() {},
    maxHeaderSize: 16384,
    globalAgent,
  };
