// http_message.js: what both sides of lib/http.js share: STATUS_CODES, METHODS, header
// validation, IncomingMessage (a server's request, a client's response) and the outgoing
// header store with node's _storeHeader.
//
// HOW: an IncomingMessage is a readable of body chunks with node's stream order ('data' once
// resumed, 'end' on a tick once the body is complete and read, 'close' a tick later). Its
// method, url and headers are read from the flat array its completion brought
// (`[method, url, minor, hasBody, name, value, ...]`), headers only when asked for. Its boolean
// state is bits of one number: each property a message adds costs more than the rest of a small
// request (QuickJS), so a request adds three. storeHeader writes node's head as a flat
// `[name, value, ...]` list for Rust: the user's headers in order, then Date (no value: Rust
// fills in the date), Connection, Keep-Alive, then Content-Length when the whole body is known,
// else Transfer-Encoding: chunked.
// WHY: node's events and default headers are what a course compares; hyper (Rust) does the
// parsing and the writing.
//
// Shared with Rust: the array layouts above; a 'Date' without a value (`header_map` in
// src/eventloop/host/http.rs); HTTP_DEFAULT_HEAD *Must* match `default_head` there.
// Bridge names: none (lib/http.js and lib/http_client.js call Rust).

  // ---------------------------------------------------------------- http messages
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
