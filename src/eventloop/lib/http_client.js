// http_client.js: require('http')'s client: request / get, ClientRequest, Agent and the
// globalAgent (keepAlive: true, as node 20's).
//
// HOW: a ClientRequest's head is node's (user headers in order, Host, Connection, then
// Content-Length or Transfer-Encoding: chunked; lib/http_message.js's storeHeader), sent with
// its first write or end through `mn.httpRequest`, on an idle connection its agent keeps or a
// new one (hyper's client, src/eventloop/host/http/client.rs). Its completions, in the poll
// phase: `onresponse([status, reason, minor, conn, name, value, ...])` ('response'),
// `ondata(Buffer)`, `onend`, `onerror([errno, code, syscall, description, address, port])`.
// After the response's 'end' come the request's 'close' and, a tick later, the connection back
// in the agent's free list (node's responseOnEnd and its 'free' event): a request made in the
// 'end' listener opens a new connection, as node's does.
// WHY: a program can call its own server and end by itself; idle connections are no handles,
// so they never keep the loop alive (node unrefs them).
//
// Shared with Rust: the completions above. Bridge names: httpRequest, httpBody, in BRIDGE in
// src/eventloop/host/bridge.rs. Fills in lib/http.js's exports.

  // ---------------------------------------------------------------- http client
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

  Object.assign(http, {
    Agent,
    ClientRequest,
    get: httpGet,
    request: (input, options, cb) => new ClientRequest(input, options, cb),
    globalAgent,
  });
