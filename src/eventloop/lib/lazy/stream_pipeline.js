// stream_pipeline.js: what joins streams: pipe, pipeline, finished, Readable.from, async
// iteration of a Readable, require('stream/promises'), and fs's ReadStream / WriteStream
// (fs.createReadStream / fs.createWriteStream).
//
// HOW: node's lib/internal/streams/ (pipeline.js, end-of-stream.js, from.js, the readable's
// async iterator, lib/internal/fs/streams.js), cut down with the same process.nextTick and
// promise steps, on the state machines of stream.js. The fs streams do each open/read/write/close
// as an fs request (fs.js), so their events wait for the poll phase as node's do.
// WHY: when a pipeline's callback or a stream's 'close' runs, relative to nextTicks and
// promises, is the lesson; it is a chain of such steps.
//
// LAZY: compiled after lazy/stream.js, in the same body (see its header).
// Shared with Rust: nothing of its own (the fs streams go through fs.js's requests).
// Bridge names: none.

  // ---------------------------------------------------------------- stream: pipe, pipeline
  function pipeImpl(src, dest, o) {
    const state = src._readableState;
    state.pipes.push(dest);
    // node never ends process.stdout / stderr; they are plain writers here, not emitters
    const stdio = dest === process.stdout || dest === process.stderr;
    const doEnd = !(o && o.end === false) && !stdio;
    const onend = () => dest.end();
    if (doEnd) { if (state.endEmitted) nextTick(onend); else src.once('end', onend); }
    let ondrain = null;
    function ondata(chunk) {
      const ret = dest.write(chunk);
      if (ret === false) {
        if (!ondrain) { ondrain = () => { ondrain = null; if (!src._readableState.flowing) src.resume(); }; dest.once('drain', ondrain); }
        src.pause();
      }
    }
    src.on('data', ondata);
    if (typeof dest.once === 'function') dest.once('error', function onerror(er) {
      src.removeListener('data', ondata);
      if (dest.listenerCount('error') === 0) {
        const s = dest._writableState || dest._readableState;
        if (s && !s.errorEmitted) errorOrDestroy(dest, er); else dest.emit('error', er);
      }
    });
    if (typeof dest.emit === 'function') dest.emit('pipe', src);
    if (dest.writableNeedDrain === true) src.pause();
    else if (!state.flowing) src.resume();
    return dest;
  }

  function isReadableStream(s) { return s && typeof s.pipe === 'function' && s._readableState !== undefined; }
  function isWritableStream(s) { return s && typeof s.write === 'function' && s._writableState !== undefined; }
  function finished(stream, o, callback) {
    if (typeof o === 'function') { callback = o; o = {}; }
    o = o || {};
    let called = false;
    const cb = (err) => { if (!called) { called = true; callback.call(stream, err); } };
    const r = stream._readableState, w = stream._writableState;
    const readable = o.readable !== undefined ? o.readable : isReadableStream(stream);
    const writable = o.writable !== undefined ? o.writable : isWritableStream(stream);
    const willEmitClose = ((r && r.autoDestroy && r.emitClose) || (w && w.autoDestroy && w.emitClose)) &&
      isReadableStream(stream) === readable && isWritableStream(stream) === writable && !!(r || w) && !(w ? w.closed : r.closed);
    let writableFinished = !!(w && w.finished);
    let readableFinished = !!(r && r.endEmitted);
    const onfinish = () => {
      writableFinished = true;
      if (willEmitClose && (!stream.readable || readable)) return;
      if (!readable || readableFinished) cb();
    };
    const onend = () => {
      readableFinished = true;
      if (willEmitClose && (!stream.writable || writable)) return;
      if (!writable || writableFinished) cb();
    };
    const onerror = (err) => cb(err);
    const onclose = () => {
      if (readable && !readableFinished && !(r && r.endEmitted)) return cb(prematureClose());
      if (writable && !writableFinished && !(w && w.finished)) return cb(prematureClose());
      cb();
    };
    stream.on('end', onend); stream.on('finish', onfinish); stream.on('error', onerror); stream.on('close', onclose);
    const closed = (w && w.closeEmitted) || (r && r.closeEmitted);
    if (closed) nextTick(onclose);
    else if (w && w.errorEmitted) nextTick(onerror, w.errored);
    else if (!readable && (!willEmitClose || stream.readable) && writableFinished) nextTick(onclose);
    else if (!writable && (!willEmitClose || stream.writable) && readableFinished) nextTick(onclose);
    return () => { stream.removeListener('end', onend); stream.removeListener('finish', onfinish); stream.removeListener('error', onerror); stream.removeListener('close', onclose); };
  }

  function pipeline(...streams) {
    const callback = streams.pop();
    if (typeof callback !== 'function') throw invalidArgType('callback', 'function', callback);
    if (streams.length === 1 && Array.isArray(streams[0])) streams = streams[0];
    if (streams.length < 2) { const e = new TypeError('The "streams" argument must be specified'); e.code = 'ERR_MISSING_ARGS'; throw e; }
    let error, finishCount = 0;
    const destroys = [];
    function finish(err) {
      const final = --finishCount === 0;
      if (err && (!error || error.code === 'ERR_STREAM_PREMATURE_CLOSE')) error = err;
      if (!error && !final) return;
      while (destroys.length) destroys.shift()(error);
      if (final) nextTick(callback, error);
    }
    let ret;
    for (let i = 0; i < streams.length; i++) {
      let stream = streams[i];
      const reading = i < streams.length - 1;
      if (i === 0 && !isReadableStream(stream) && stream && (typeof stream[Symbol.asyncIterator] === 'function' || typeof stream[Symbol.iterator] === 'function')) stream = Readable.from(stream);
      if (reading || true) destroys.push((err) => { if (err && !stream.destroyed) stream.destroy(err); });
      stream.on('error', (err) => { if (err && err.code !== 'ERR_STREAM_PREMATURE_CLOSE') finish(err); });
      if (i > 0) {
        finishCount += 2;
        const src = ret, dst = stream;
        src.pipe(dst);
        src.once('end', () => dst.end());
        finished(src, { readable: true, writable: false }, (err) => finish(err));
        finished(dst, { readable: false, writable: true }, finish);
      }
      ret = stream;
    }
    return ret;
  }

  function readableFrom(iterable, o) {
    if (typeof iterable === 'string' || iterable instanceof BufferClass) {
      return new Readable({ objectMode: true, ...o, read() { this.push(iterable); this.push(null); } });
    }
    let it, isAsync;
    if (iterable && typeof iterable[Symbol.asyncIterator] === 'function') { isAsync = true; it = iterable[Symbol.asyncIterator](); }
    else if (iterable && typeof iterable[Symbol.iterator] === 'function') { isAsync = false; it = iterable[Symbol.iterator](); }
    else throw invalidArgType('iterable', 'Iterable', iterable);
    let reading = false;
    const readable = new Readable({ objectMode: true, highWaterMark: 1, ...o });
    readable._read = function () { if (!reading) { reading = true; next(); } };
    readable._destroy = function (err, cb) {
      close(err).then(() => nextTick(cb, err), (e) => nextTick(cb, e || err));
    };
    async function close(error) {
      if (error !== undefined && error !== null && typeof it.throw === 'function') {
        const { value, done } = await it.throw(error);
        await value;
        if (done) return;
      }
      if (typeof it.return === 'function') { const { value } = await it.return(); await value; }
    }
    function next() {
      if (isAsync) { nextAsync(); return; }
      for (;;) {
        try {
          const { value, done } = it.next();
          if (done) { readable.push(null); return; }
          if (value && typeof value.then === 'function') { isAsync = true; it = syncValuesIterator(it, value); nextAsync(); return; }
          if (value === null) { reading = false; throw streamError('ERR_STREAM_NULL_VALUES', 'May not write null values to stream', TypeError); }
          if (readable.push(value)) continue;
          reading = false;
        } catch (err) { readable.destroy(err); }
        break;
      }
    }
    async function nextAsync() {
      for (;;) {
        try {
          const { value, done } = await it.next();
          if (done) { readable.push(null); } else {
            const res = value && typeof value.then === 'function' ? await value : value;
            if (res === null) { reading = false; throw streamError('ERR_STREAM_NULL_VALUES', 'May not write null values to stream', TypeError); }
            else if (readable.push(res)) continue; else reading = false;
          }
        } catch (err) { readable.destroy(err); }
        break;
      }
    }
    // a sync iterator that yielded a promise: the rest is awaited value by value
    function syncValuesIterator(sync, first) {
      let pending = first;
      return {
        async next() {
          if (pending) { const v = pending; pending = null; return { value: await v, done: false }; }
          const r = sync.next();
          return r.done ? r : { value: await r.value, done: false };
        },
        return() { return typeof sync.return === 'function' ? sync.return() : undefined; },
      };
    }
    return readable;
  }

  function readableIterator(stream) {
    const state = stream._readableState;
    let wake = null, error = null, done = false;
    const next = () => { if (wake) { const w = wake; wake = null; w(); } };
    stream.on('readable', next);
    finished(stream, { writable: false }, (err) => { error = err && err.code !== 'ERR_STREAM_PREMATURE_CLOSE' ? err : null; done = true; next(); });
    async function* iterate() {
      try {
        for (;;) {
          const chunk = stream.destroyed ? null : stream.read();
          if (chunk !== null) yield chunk;
          else if (error) throw error;
          else if (done) return;
          else await new Promise((resolve) => { wake = resolve; });
        }
      } finally {
        if (!state.endEmitted || error) stream.destroy(error || null);
      }
    }
    return iterate();
  }

  const streamPromises = {
    pipeline: (...streams) => new Promise((resolve, reject) => pipeline(...streams, (err) => (err ? reject(err) : resolve()))),
    finished: (stream, o) => new Promise((resolve, reject) => finished(stream, o || {}, (err) => (err ? reject(err) : resolve()))),
  };
  const stream = Stream;
  Object.assign(Stream, { Stream, Readable, Writable, Duplex, Transform, PassThrough, pipeline, finished, promises: streamPromises });

  // ---------------------------------------------------------------- fs streams
  class ReadStream extends Readable {
    constructor(path, o) {
      if (typeof o === 'string') o = { encoding: o };
      o = o || {};
      super({ highWaterMark: 64 * 1024, ...o });
      this.path = typeof path === 'number' ? undefined : checkPath(path);
      this.fd = typeof o.fd === 'number' ? o.fd : null;
      this.flags = o.flags || 'r';
      this.mode = o.mode || 0o666;
      this.start = o.start; this.end = o.end === undefined ? Infinity : o.end;
      this.pos = this.start;
      this.bytesRead = 0;
      this.pending = this.fd === null;
      this._readableState.constructed = this.fd !== null;
      if (this.fd === null) {
        fs.open(this.path, this.flags, this.mode, (err, fd) => {
          const state = this._readableState;
          if (err) { state.constructed = true; errorOrDestroy(this, err); return; }
          this.fd = fd; this.pending = false;
          state.constructed = true;
          this.emit('open', fd); this.emit('ready');
          // node's construct: the stream resumes its pending reads once open
          nextTick(() => { if (state.needReadable || state.flowing || state.readableListening) this.read(0); else maybeReadMore(this, state); });
        });
      }
    }
    _read(n) {
      n = this.pos !== undefined ? Math.min(this.end - this.pos + 1, n) : Math.min(this.end - this.bytesRead + 1, n);
      if (n <= 0) { this.push(null); return; }
      const buf = BufferClass.alloc(n);
      fs.read(this.fd, buf, 0, n, this.pos === undefined ? null : this.pos, (err, bytesRead) => {
        if (err) { errorOrDestroy(this, err); return; }
        if (this.pos !== undefined) this.pos += bytesRead;
        this.bytesRead += bytesRead;
        if (bytesRead === 0) this.push(null);
        else this.push(bytesRead === n ? buf : buf.subarray(0, bytesRead));
      });
    }
    _destroy(err, cb) {
      if (this.fd === null || this.fd < 0) { cb(err); return; }
      const fd = this.fd; this.fd = null;
      fs.close(fd, (er) => cb(er || err));
    }
    close(cb) { if (typeof cb === 'function') finished(this, cb); this.destroy(); }
  }
  class WriteStream extends Writable {
    constructor(path, o) {
      if (typeof o === 'string') o = { encoding: o };
      o = o || {};
      super({ decodeStrings: true, ...o });
      this.path = typeof path === 'number' ? undefined : checkPath(path);
      this.fd = typeof o.fd === 'number' ? o.fd : null;
      this.flags = o.flags || 'w';
      this.mode = o.mode || 0o666;
      this.start = o.start; this.pos = this.start;
      this.bytesWritten = 0;
      this.pending = this.fd === null;
      const state = this._writableState;
      state.constructed = this.fd !== null;
      if (this.fd === null) {
        fs.open(this.path, this.flags, this.mode, (err, fd) => {
          state.constructed = true;
          if (err) { errorOrDestroy(this, err); return; }
          this.fd = fd; this.pending = false;
          this.emit('open', fd); this.emit('ready');
          nextTick(() => { clearBuffer(this, state); finishMaybe(this, state); });
        });
      }
    }
    _write(chunk, encoding, cb) {
      fs.write(this.fd, chunk, 0, chunk.length, this.pos === undefined ? null : this.pos, (err, n) => {
        if (err) { cb(err); return; }
        this.bytesWritten += n;
        if (this.pos !== undefined) this.pos += n;
        cb();
      });
    }
    _destroy(err, cb) {
      if (this.fd === null || this.fd < 0) { cb(err); return; }
      const fd = this.fd; this.fd = null;
      fs.close(fd, (er) => cb(er || err));
    }
    close(cb) { if (typeof cb === 'function') finished(this, cb); this.end(); }
  }
  module.exports = { stream, streamPromises, ReadStream, WriteStream };
