// stream.js: require('stream')'s classes: Readable, Writable, Duplex, Transform, PassThrough
// (pipe, pipeline, finished, Readable.from, async iteration and the fs streams are in
// stream_pipeline.js).
//
// HOW: the state machines of node's lib/internal/streams/ (readable.js, writable.js,
// destroy.js, transform.js), cut down to what a script sees: the same
// process.nextTick steps (resume_, emitReadable_, endReadableNT, afterWriteTick, finish,
// emitCloseNT ...), so 'data', 'end', 'finish' and 'close' come in node's order relative to
// nextTicks and promises.
// WHY: a stream's events are a chain of nextTicks; the lesson is where they fall.
//
// LAZY: not part of the prelude. host/lazy.rs embeds this file and stream_pipeline.js
// (`mn.lazySource('streams')`); `streams()` in fs.js compiles them on the first use of a stream, as
// one CommonJS body whose `exports` argument carries the prelude's names it needs, and whose
// `module.exports` is { stream, streamPromises, ReadStream, WriteStream }.
// WHY lazy: a script that uses no stream does not pay for reading this code at startup.
//
// Shared with Rust: the file pair *Must* match `streams` in LAZY in src/eventloop/host/lazy.rs.
// Bridge names: none of its own.
'use strict';
const { EventEmitter, nextTick, BufferClass, invalidArgType, fs, checkPath, process } = exports;

  // ---------------------------------------------------------------- stream
  function streamError(code, message, Ctor = Error) { const e = new Ctor(message); e.code = code; return e; }
  function prematureClose() { return streamError('ERR_STREAM_PREMATURE_CLOSE', 'Premature close'); }
  function chunkLength(state, chunk) { return state.objectMode ? 1 : chunk.length; }
  function toChunk(state, chunk, encoding) {
    if (state.objectMode || chunk === null) return chunk;
    if (typeof chunk === 'string') return BufferClass.from(chunk, encoding);
    if (chunk instanceof BufferClass) return chunk;
    if (chunk instanceof Uint8Array) return new BufferClass(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    throw invalidArgType('chunk', 'string or an instance of Buffer or Uint8Array', chunk);
  }
  function hwmOf(o, key, objectMode) {
    if (o && typeof o[key] === 'number') return o[key];
    if (o && typeof o.highWaterMark === 'number') return o.highWaterMark;
    return objectMode ? 16 : 16384;
  }

  class ReadableState {
    constructor(o, isDuplex) {
      this.objectMode = !!(o && (o.objectMode || (isDuplex && o.readableObjectMode)));
      this.highWaterMark = hwmOf(o, 'readableHighWaterMark', this.objectMode);
      this.buffer = []; this.length = 0; this.pipes = [];
      this.flowing = null; this.ended = false; this.endEmitted = false; this.reading = false;
      this.constructed = true; this.sync = true; this.needReadable = false; this.emittedReadable = false;
      this.readableListening = false; this.resumeScheduled = false; this.errorEmitted = false;
      this.emitClose = !(o && o.emitClose === false); this.autoDestroy = !(o && o.autoDestroy === false);
      this.destroyed = false; this.errored = null; this.closed = false; this.closeEmitted = false;
      this.readingMore = false; this.dataEmitted = false; this.paused = null;
      this.encoding = (o && o.encoding) || null;
    }
  }

  function destroyImpl(err, cb) {
    const r = this._readableState, w = this._writableState, s = w || r;
    if ((w && w.destroyed) || (r && r.destroyed)) { if (typeof cb === 'function') cb(); return this; }
    if (err) { if (w && !w.errored) w.errored = err; if (r && !r.errored) r.errored = err; }
    if (w) w.destroyed = true; if (r) r.destroyed = true;
    this._destroy(err || null, (er) => {
      if (er) { if (w && !w.errored) w.errored = er; if (r && !r.errored) r.errored = er; }
      if (w) w.closed = true; if (r) r.closed = true;
      if (typeof cb === 'function') cb(er);
      if (er) nextTick(emitErrorCloseNT, this, er); else nextTick(emitCloseNT, this);
    });
    void s;
    return this;
  }
  function emitErrorCloseNT(self, err) { emitErrorNT(self, err); emitCloseNT(self); }
  function emitCloseNT(self) {
    const r = self._readableState, w = self._writableState;
    if (w) w.closeEmitted = true; if (r) r.closeEmitted = true;
    if ((w && w.emitClose) || (r && r.emitClose)) self.emit('close');
  }
  function emitErrorNT(self, err) {
    const r = self._readableState, w = self._writableState;
    if ((w && w.errorEmitted) || (r && r.errorEmitted)) return;
    if (w) w.errorEmitted = true; if (r) r.errorEmitted = true;
    self.emit('error', err);
  }
  function errorOrDestroy(stream, err) {
    const r = stream._readableState, w = stream._writableState;
    if ((w && w.destroyed) || (r && r.destroyed)) return;
    if ((r && r.autoDestroy) || (w && w.autoDestroy)) stream.destroy(err);
    else if (err) { if (w && !w.errored) w.errored = err; if (r && !r.errored) r.errored = err; nextTick(emitErrorNT, stream, err); }
  }

  class Stream extends EventEmitter {
    pipe(dest, o) { return pipeImpl(this, dest, o); }
  }

  class Readable extends Stream {
    constructor(o) {
      super();
      this._readableState = new ReadableState(o, this instanceof Duplex);
      if (o) {
        if (typeof o.read === 'function') this._read = o.read;
        if (typeof o.destroy === 'function') this._destroy = o.destroy;
      }
    }
    get readable() { const r = this._readableState; return !r.destroyed && !r.errored && !r.endEmitted; }
    get readableEnded() { return this._readableState.endEmitted; }
    get readableFlowing() { return this._readableState.flowing; }
    get readableLength() { return this._readableState.length; }
    get readableHighWaterMark() { return this._readableState.highWaterMark; }
    get readableObjectMode() { return this._readableState.objectMode; }
    get destroyed() { return this._readableState.destroyed; }
    get closed() { return this._readableState.closed; }
    get errored() { return this._readableState.errored; }
    destroy(err, cb) { return destroyImpl.call(this, err, cb); }
    _destroy(err, cb) { cb(err); }
    _read() { throw streamError('ERR_METHOD_NOT_IMPLEMENTED', 'The _read() method is not implemented'); }
    setEncoding(encoding) { this._readableState.encoding = encoding; return this; }
    push(chunk, encoding) { return addChunk(this, chunk, encoding, false); }
    unshift(chunk, encoding) { return addChunk(this, chunk, encoding, true); }
    isPaused() { const s = this._readableState; return s.paused === true || s.flowing === false; }
    read(n) {
      const state = this._readableState;
      if (n === undefined) n = NaN; else n = parseInt(n, 10);
      const nOrig = n;
      if (n !== 0) state.emittedReadable = false;
      if (n === 0 && state.needReadable && ((state.highWaterMark !== 0 ? state.length >= state.highWaterMark : state.length > 0) || state.ended)) {
        if (state.length === 0 && state.ended) endReadable(this); else emitReadable(this);
        return null;
      }
      n = howMuchToRead(n, state);
      if (n === 0 && state.ended) { if (state.length === 0) endReadable(this); return null; }
      let doRead = state.needReadable;
      if (state.length === 0 || state.length - n < state.highWaterMark) doRead = true;
      if (state.ended || state.reading || state.destroyed || state.errored || !state.constructed) doRead = false;
      else if (doRead) {
        state.reading = true; state.sync = true;
        if (state.length === 0) state.needReadable = true;
        try { this._read(state.highWaterMark); } catch (e) { errorOrDestroy(this, e); }
        state.sync = false;
        if (!state.reading) n = howMuchToRead(nOrig, state);
      }
      let ret = n > 0 ? fromList(n, state) : null;
      if (ret === null) { state.needReadable = state.length <= state.highWaterMark; n = 0; }
      if (state.length === 0) {
        if (!state.ended) state.needReadable = true;
        if (nOrig !== n && state.ended) endReadable(this);
      }
      if (ret !== null && !state.errorEmitted && !state.closeEmitted) {
        state.dataEmitted = true;
        if (state.encoding && !state.objectMode) ret = ret.toString(state.encoding);
        this.emit('data', ret);
      }
      return ret;
    }
    on(ev, fn) {
      const res = super.on(ev, fn);
      const state = this._readableState;
      if (ev === 'data') {
        state.readableListening = this.listenerCount('readable') > 0;
        if (state.flowing !== false) this.resume();
      } else if (ev === 'readable') {
        if (!state.endEmitted && !state.readableListening) {
          state.readableListening = state.needReadable = true;
          state.flowing = false; state.emittedReadable = false;
          if (state.length) emitReadable(this);
          else if (!state.reading) nextTick((s) => s.read(0), this);
        }
      }
      return res;
    }
    addListener(ev, fn) { return this.on(ev, fn); }
    resume() {
      const state = this._readableState;
      if (!state.flowing) {
        state.flowing = !state.readableListening;
        if (!state.resumeScheduled) { state.resumeScheduled = true; nextTick(resume_, this, state); }
      }
      state.paused = false;
      return this;
    }
    pause() {
      const state = this._readableState;
      if (state.flowing !== false) { state.flowing = false; this.emit('pause'); }
      state.paused = true;
      return this;
    }
    [Symbol.asyncIterator]() { return readableIterator(this); }
    static from(iterable, o) { return readableFrom(iterable, o); }
  }
  function addChunk(stream, chunk, encoding, front) {
    const state = stream._readableState;
    if (chunk === null) {
      state.reading = false;
      if (!state.ended) {
        state.ended = true;
        if (state.sync) emitReadable(stream);
        else { state.needReadable = false; state.emittedReadable = true; emitReadable_(stream); }
      }
      return false;
    }
    chunk = toChunk(state, chunk, encoding);
    if (state.ended && !front) { errorOrDestroy(stream, streamError('ERR_STREAM_PUSH_AFTER_EOF', 'stream.push() after EOF')); return false; }
    if (state.destroyed || state.errored) return false;
    if (!front) state.reading = false;
    if (state.flowing && state.length === 0 && !state.sync && stream.listenerCount('data') > 0) {
      state.dataEmitted = true;
      stream.emit('data', state.encoding && !state.objectMode ? chunk.toString(state.encoding) : chunk);
    } else {
      state.length += chunkLength(state, chunk);
      if (front) state.buffer.unshift(chunk); else state.buffer.push(chunk);
      if (state.needReadable) emitReadable(stream);
    }
    maybeReadMore(stream, state);
    return !state.ended && (state.length < state.highWaterMark || state.length === 0);
  }
  function howMuchToRead(n, state) {
    if (n <= 0 || (state.length === 0 && state.ended)) return 0;
    if (state.objectMode) return 1;
    if (Number.isNaN(n)) return state.flowing && state.length ? chunkLength(state, state.buffer[0]) : state.length;
    if (n <= state.length) return n;
    return state.ended ? state.length : 0;
  }
  function fromList(n, state) {
    if (state.length === 0) return null;
    let ret;
    if (state.objectMode) ret = state.buffer.shift();
    else if (n >= state.length) { ret = state.buffer.length === 1 ? state.buffer[0] : BufferClass.concat(state.buffer); state.buffer = []; }
    else {
      const first = state.buffer[0];
      if (n < first.length) { ret = first.subarray(0, n); state.buffer[0] = first.subarray(n); }
      else if (n === first.length) ret = state.buffer.shift();
      else { const parts = []; let left = n; while (left > 0) { const b = state.buffer[0]; if (b.length <= left) { parts.push(state.buffer.shift()); left -= b.length; } else { parts.push(b.subarray(0, left)); state.buffer[0] = b.subarray(left); left = 0; } } ret = BufferClass.concat(parts); }
    }
    state.length -= state.objectMode ? 1 : n;
    return ret;
  }
  function emitReadable(stream) {
    const state = stream._readableState;
    state.needReadable = false;
    if (!state.emittedReadable) { state.emittedReadable = true; nextTick(emitReadable_, stream); }
  }
  function emitReadable_(stream) {
    const state = stream._readableState;
    if (!state.destroyed && !state.errored && (state.length || state.ended)) { stream.emit('readable'); state.emittedReadable = false; }
    state.needReadable = !state.flowing && !state.ended && state.length <= state.highWaterMark;
    flow(stream);
  }
  function maybeReadMore(stream, state) {
    if (!state.readingMore && state.constructed) { state.readingMore = true; nextTick(maybeReadMore_, stream, state); }
  }
  function maybeReadMore_(stream, state) {
    while (!state.reading && !state.ended && (state.length < state.highWaterMark || (state.flowing && state.length === 0))) {
      const len = state.length;
      stream.read(0);
      if (len === state.length) break;
    }
    state.readingMore = false;
  }
  function resume_(stream, state) {
    if (!state.reading) stream.read(0);
    state.resumeScheduled = false;
    stream.emit('resume');
    flow(stream);
    if (state.flowing && !state.reading) stream.read(0);
  }
  function flow(stream) { const state = stream._readableState; while (state.flowing && stream.read() !== null); }
  function endReadable(stream) {
    const state = stream._readableState;
    if (!state.endEmitted) { state.ended = true; nextTick(endReadableNT, state, stream); }
  }
  function endReadableNT(state, stream) {
    if (!state.errored && !state.closeEmitted && !state.endEmitted && state.length === 0) {
      state.endEmitted = true;
      stream.emit('end');
      const w = stream._writableState;
      if (state.autoDestroy && (!w || (w.autoDestroy && (w.finished || w.writable === false)))) stream.destroy();
      else if (w && stream.allowHalfOpen === false && !w.ending) stream.end();
    }
  }

  class WritableState {
    constructor(o, isDuplex) {
      this.objectMode = !!(o && (o.objectMode || (isDuplex && o.writableObjectMode)));
      this.highWaterMark = hwmOf(o, 'writableHighWaterMark', this.objectMode);
      this.decodeStrings = !(o && o.decodeStrings === false);
      this.defaultEncoding = (o && o.defaultEncoding) || 'utf8';
      this.length = 0; this.writing = false; this.corked = 0; this.sync = true; this.bufferProcessing = false;
      this.writecb = null; this.writelen = 0; this.afterWriteTickInfo = null; this.afterWritePending = false; this.buffered = [];
      this.pendingcb = 0; this.constructed = true; this.prefinished = false; this.errorEmitted = false;
      this.emitClose = !(o && o.emitClose === false); this.autoDestroy = !(o && o.autoDestroy === false);
      this.errored = null; this.closed = false; this.closeEmitted = false; this.finalCalled = false;
      this.needDrain = false; this.ending = false; this.ended = false; this.finished = false; this.destroyed = false;
      this.onFinished = [];
    }
  }
  const writableMethods = {
    write(chunk, encoding, cb) {
      const state = this._writableState;
      if (typeof encoding === 'function') { cb = encoding; encoding = null; }
      if (!encoding) encoding = state.defaultEncoding;
      if (typeof cb !== 'function') cb = nop;
      if (chunk === null) throw streamError('ERR_STREAM_NULL_VALUES', 'May not write null values to stream', TypeError);
      if (!state.objectMode) { chunk = toChunk(state, chunk, encoding); encoding = 'buffer'; }
      let err;
      if (state.ending) err = streamError('ERR_STREAM_WRITE_AFTER_END', 'write after end');
      else if (state.destroyed) err = streamError('ERR_STREAM_DESTROYED', 'Cannot call write after a stream was destroyed');
      if (err) { nextTick(cb, err); errorOrDestroy(this, err); return err; }
      state.pendingcb++;
      const len = chunkLength(state, chunk);
      state.length += len;
      if (state.writing || state.corked || state.errored || !state.constructed) state.buffered.push({ chunk, encoding, callback: cb });
      else doWrite(this, state, len, chunk, encoding, cb);
      const ret = state.length < state.highWaterMark;
      if (!ret) state.needDrain = true;
      return ret && !state.errored && !state.destroyed;
    },
    cork() { this._writableState.corked++; },
    uncork() { const s = this._writableState; if (s.corked) { s.corked--; if (!s.writing) clearBuffer(this, s); } },
    setDefaultEncoding(e) { this._writableState.defaultEncoding = e; return this; },
    end(chunk, encoding, cb) {
      const state = this._writableState;
      if (typeof chunk === 'function') { cb = chunk; chunk = null; encoding = null; } else if (typeof encoding === 'function') { cb = encoding; encoding = null; }
      let err;
      if (chunk !== null && chunk !== undefined) { const r = this.write(chunk, encoding); if (r instanceof Error) err = r; }
      if (state.corked) { state.corked = 1; this.uncork(); }
      if (err) { /* reported by write */ } else if (!state.errored && !state.ending) {
        state.ending = true; finishMaybe(this, state, true); state.ended = true;
      } else if (state.finished) err = streamError('ERR_STREAM_ALREADY_FINISHED', 'Cannot call end after a stream was finished');
      else if (state.destroyed) err = streamError('ERR_STREAM_DESTROYED', 'Cannot call end after a stream was destroyed');
      if (typeof cb === 'function') { if (err || state.finished) nextTick(cb, err); else state.onFinished.push(cb); }
      return this;
    },
  };
  const writableGetters = {
    writable() { const w = this._writableState; return !w.destroyed && !w.errored && !w.ending; },
    writableEnded() { return this._writableState.ending; },
    writableFinished() { return this._writableState.finished; },
    writableLength() { return this._writableState.length; },
    writableNeedDrain() { const w = this._writableState; return !w.destroyed && !w.ending && w.needDrain; },
    writableHighWaterMark() { return this._writableState.highWaterMark; },
    writableObjectMode() { return this._writableState.objectMode; },
    writableCorked() { return this._writableState.corked; },
  };
  function doWrite(stream, state, len, chunk, encoding, cb) {
    state.writelen = len; state.writecb = cb; state.writing = true; state.sync = true;
    if (state.destroyed) onwrite(stream, streamError('ERR_STREAM_DESTROYED', 'Cannot call write after a stream was destroyed'));
    else if (Array.isArray(chunk)) stream._writev(chunk, (er) => onwrite(stream, er));
    else stream._write(chunk, encoding, (er) => onwrite(stream, er));
    state.sync = false;
  }
  function onwrite(stream, er) {
    const state = stream._writableState;
    const sync = state.sync, cb = state.writecb || nop;
    if (!state.writing) { errorOrDestroy(stream, streamError('ERR_MULTIPLE_CALLBACK', 'Callback called multiple times')); return; }
    state.writing = false; state.writecb = null; state.length -= state.writelen; state.writelen = 0;
    if (er) {
      if (!state.errored) state.errored = er;
      if (stream._readableState && !stream._readableState.errored) stream._readableState.errored = er;
      if (sync) nextTick(onwriteError, stream, state, er, cb); else onwriteError(stream, state, er, cb);
      return;
    }
    if (state.buffered.length) clearBuffer(stream, state);
    if (sync) {
      const needTick = (state.needDrain && state.length === 0) || state.destroyed || cb !== nop;
      if (cb === nop) {
        if (!state.afterWritePending && needTick) { nextTick(afterWrite, stream, state, 1, cb); state.afterWritePending = true; }
        else { state.pendingcb--; if (state.ending) finishMaybe(stream, state, true); }
      } else if (state.afterWriteTickInfo !== null && state.afterWriteTickInfo.cb === cb) state.afterWriteTickInfo.count++;
      else if (needTick) { state.afterWriteTickInfo = { count: 1, cb, stream, state }; nextTick(afterWriteTick, state.afterWriteTickInfo); state.afterWritePending = true; }
      else { state.pendingcb--; if (state.ending) finishMaybe(stream, state, true); }
    } else afterWrite(stream, state, 1, cb);
  }
  function nop() {}
  function onwriteError(stream, state, er, cb) { --state.pendingcb; cb(er); errorBuffer(state); errorOrDestroy(stream, er); }
  function afterWriteTick({ stream, state, count, cb }) { state.afterWriteTickInfo = null; afterWrite(stream, state, count, cb); }
  function afterWrite(stream, state, count, cb) {
    state.afterWritePending = false;
    const needDrain = !state.ending && !state.destroyed && state.length === 0 && state.needDrain;
    if (needDrain) { state.needDrain = false; stream.emit('drain'); }
    while (count-- > 0) { state.pendingcb--; cb(null); }
    if (state.destroyed) errorBuffer(state);
    if (state.ending) finishMaybe(stream, state, true);
  }
  function errorBuffer(state) {
    if (state.writing) return;
    for (const { chunk, callback } of state.buffered.splice(0)) {
      state.length -= chunkLength(state, chunk);
      callback(state.errored || streamError('ERR_STREAM_DESTROYED', 'Cannot call write after a stream was destroyed'));
    }
  }
  function clearBuffer(stream, state) {
    if (state.corked || state.bufferProcessing || state.destroyed || !state.constructed) return;
    state.bufferProcessing = true;
    if (state.buffered.length > 1 && typeof stream._writev === 'function' && stream._writev !== null) {
      const list = state.buffered.splice(0);
      const callbacks = list.map((e) => e.callback);
      const cb = state.allNoop ? () => {} : (err) => { for (const c of callbacks) c(err); };
      doWrite(stream, state, state.objectMode ? list.length : state.length, list, '', cb);
    } else {
      while (state.buffered.length && !state.writing) {
        const { chunk, encoding, callback } = state.buffered.shift();
        doWrite(stream, state, chunkLength(state, chunk), chunk, encoding, callback);
      }
    }
    state.bufferProcessing = false;
  }
  function needFinish(state) {
    return state.ending && !state.destroyed && state.constructed && state.length === 0 && !state.errored &&
      state.buffered.length === 0 && !state.finished && !state.writing && !state.errorEmitted && !state.closeEmitted;
  }
  function onFinal(stream, state, err) {
    if (state.prefinished) { errorOrDestroy(stream, err || streamError('ERR_MULTIPLE_CALLBACK', 'Callback called multiple times')); return; }
    state.pendingcb--;
    if (err) { for (const cb of state.onFinished.splice(0)) cb(err); errorOrDestroy(stream, err); }
    else if (needFinish(state)) { state.prefinished = true; stream.emit('prefinish'); state.pendingcb++; nextTick(finish, stream, state); }
  }
  function prefinish(stream, state) {
    if (state.prefinished || state.finalCalled) return;
    if (typeof stream._final === 'function' && !state.destroyed) {
      state.finalCalled = true; state.sync = true; state.pendingcb++;
      try { stream._final((err) => onFinal(stream, state, err)); } catch (err) { onFinal(stream, state, err); }
      state.sync = false;
    } else { state.finalCalled = true; state.prefinished = true; stream.emit('prefinish'); }
  }
  function finishMaybe(stream, state, sync) {
    if (needFinish(state)) {
      prefinish(stream, state);
      if (state.pendingcb === 0) {
        if (sync) {
          state.pendingcb++;
          nextTick((s, st) => { if (needFinish(st)) finish(s, st); else st.pendingcb--; }, stream, state);
        } else if (needFinish(state)) { state.pendingcb++; finish(stream, state); }
      }
    }
  }
  function finish(stream, state) {
    state.pendingcb--;
    state.finished = true;
    for (const cb of state.onFinished.splice(0)) cb();
    stream.emit('finish');
    const r = stream._readableState;
    if (state.autoDestroy && (!r || (r.autoDestroy && (r.endEmitted || r.readable === false)))) stream.destroy();
  }

  class Writable extends Stream {
    constructor(o) {
      super();
      this._writableState = new WritableState(o, this instanceof Duplex);
      if (o) {
        if (typeof o.write === 'function') this._write = o.write;
        if (typeof o.writev === 'function') this._writev = o.writev;
        if (typeof o.destroy === 'function') this._destroy = o.destroy;
        if (typeof o.final === 'function') this._final = o.final;
      }
    }
    get destroyed() { return this._writableState.destroyed; }
    get closed() { return this._writableState.closed; }
    get errored() { return this._writableState.errored; }
    destroy(err, cb) { return destroyImpl.call(this, err, cb); }
    _destroy(err, cb) { cb(err); }
    _write(chunk, encoding, cb) {
      if (this._writev) this._writev([{ chunk, encoding }], cb);
      else throw streamError('ERR_METHOD_NOT_IMPLEMENTED', 'The _write() method is not implemented');
    }
  }
  Writable.prototype._writev = null;
  Object.assign(Writable.prototype, writableMethods);
  for (const [k, get] of Object.entries(writableGetters)) Object.defineProperty(Writable.prototype, k, { get, configurable: true });

  class Duplex extends Readable {
    constructor(o) {
      super(o);
      this._writableState = new WritableState(o, true);
      this.allowHalfOpen = !(o && o.allowHalfOpen === false);
      if (o) {
        if (typeof o.write === 'function') this._write = o.write;
        if (typeof o.writev === 'function') this._writev = o.writev;
        if (typeof o.final === 'function') this._final = o.final;
      }
    }
    get destroyed() { return this._readableState.destroyed && this._writableState.destroyed; }
  }
  for (const k of ['_write', '_writev']) Duplex.prototype[k] = Writable.prototype[k];
  Object.assign(Duplex.prototype, writableMethods);
  for (const [k, get] of Object.entries(writableGetters)) Object.defineProperty(Duplex.prototype, k, { get, configurable: true });

  class Transform extends Duplex {
    constructor(o) {
      super(o);
      this._readableState.sync = false;
      this._transformCallback = null;
      if (o) {
        if (typeof o.transform === 'function') this._transform = o.transform;
        if (typeof o.flush === 'function') this._flush = o.flush;
      }
      this.on('prefinish', transformPrefinish);
    }
    _final(cb) {
      if (typeof this._flush === 'function' && !this.destroyed) {
        this._flush((er, data) => {
          if (er) { if (cb) cb(er); else this.destroy(er); return; }
          if (data != null) this.push(data);
          this.push(null);
          if (cb) cb();
        });
      } else { this.push(null); if (cb) cb(); }
    }
    _transform() { throw streamError('ERR_METHOD_NOT_IMPLEMENTED', 'The _transform() method is not implemented'); }
    _write(chunk, encoding, callback) {
      const rState = this._readableState, wState = this._writableState, length = rState.length;
      this._transform(chunk, encoding, (err, val) => {
        if (err) { callback(err); return; }
        if (val != null) this.push(val);
        if (wState.ended || length === rState.length || rState.length < rState.highWaterMark) callback();
        else this._transformCallback = callback;
      });
    }
    _read() {
      if (this._transformCallback) { const cb = this._transformCallback; this._transformCallback = null; cb(); }
    }
  }
  function transformPrefinish() { if (this._final !== Transform.prototype._final) Transform.prototype._final.call(this); }
  class PassThrough extends Transform {
    _transform(chunk, encoding, cb) { cb(null, chunk); }
  }
