// fs.js: require('fs') and require('fs/promises'): the sync calls, the callback API, promises.
//
// HOW: every call is done by Rust at once, synchronously (`mn.fs(op, ...args)`, answering the
// value or an error array [errno, code, description, syscall]). A callback call does the work
// now, keeps its result under an id and queues the id with the scheduler (`mn.fsStart(id, label,
// round trips, line)`), which runs it in the poll phase after the libuv round trips node would
// make (ROUND_TRIPS). The callbacks run through `__runFs` / `__runReadFile`, printed as node's
// FSReqCallback frames.
// WHY: the result of a real file-system call does not depend on when it is read; when its
// callback runs is the lesson, and that is the scheduler's.
//
// Shared with Rust: the op names and the error array *Must* match fs_sync and fs_error in
// src/eventloop/host/fs.rs; labels are 'fs.' + the call's name (fs_label there).
// Bridge names: fs, fsStart, in BRIDGE in src/eventloop/host/bridge.rs.

  // ---------------------------------------------------------------- fs
  function fsError(res, path, dest) {
    const [errno, code, desc, syscall] = res;
    let msg = `${code}: ${desc}, ${syscall}`;
    if (path !== undefined) msg += ` '${path}'`;
    if (dest !== undefined) msg += ` -> '${dest}'`;
    const e = new Error(msg);
    e.errno = errno; e.code = code; e.syscall = syscall;
    if (path !== undefined) e.path = path;
    if (dest !== undefined) e.dest = dest;
    return e;
  }
  function fsNoStackError(res, path) {
    const saved = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    const e = fsError(res, path);
    Error.stackTraceLimit = saved;
    return e;
  }
  function checkPath(p, name = 'path') {
    if (typeof p === 'string') return p;
    if (p instanceof BufferClass) return p.toString();
    if (p instanceof URL) return p.pathname;
    throw invalidArgType(name, 'string or an instance of Buffer or URL', p);
  }
  function encodingOf(o) { return typeof o === 'string' ? o : (o && o.encoding) || null; }
  function decode(ab, encoding) {
    const b = toBuffer(ab);
    return encoding ? b.toString(encoding) : b;
  }
  function dataBytes(data) {
    if (typeof data === 'string') return enc(data);
    if (ArrayBuffer.isView(data)) return data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength);
    return enc(String(data));
  }
  class Stats {
    constructor(r) {
      Object.assign(this, r);
      this.atime = new Date(r.atimeMs); this.mtime = new Date(r.mtimeMs); this.ctime = new Date(r.ctimeMs); this.birthtime = new Date(r.birthtimeMs);
    }
    isFile() { return (this.mode & 0o170000) === 0o100000; }
    isDirectory() { return (this.mode & 0o170000) === 0o040000; }
    isSymbolicLink() { return (this.mode & 0o170000) === 0o120000; }
    isFIFO() { return (this.mode & 0o170000) === 0o010000; }
    isSocket() { return (this.mode & 0o170000) === 0o140000; }
    isBlockDevice() { return (this.mode & 0o170000) === 0o060000; }
    isCharacterDevice() { return (this.mode & 0o170000) === 0o020000; }
  }
  const syncOps = {
    readFile(path, o) { path = checkPath(path); const r = mn.fs('readFile', path); if (Array.isArray(r)) throw fsError(r, path); return decode(r, encodingOf(o)); },
    writeFile(path, data) { path = checkPath(path); const r = mn.fs('writeFile', path, dataBytes(data)); if (Array.isArray(r)) throw fsError(r, path); },
    appendFile(path, data) { path = checkPath(path); const r = mn.fs('appendFile', path, dataBytes(data)); if (Array.isArray(r)) throw fsError(r, path); },
    unlink(path) { path = checkPath(path); const r = mn.fs('unlink', path); if (Array.isArray(r)) throw fsError(r, path); },
    rmdir(path) { path = checkPath(path); const r = mn.fs('rmdir', path); if (Array.isArray(r)) throw fsError(r, path); },
    rm(path, o) { path = checkPath(path); const r = mn.fs('rm', path, !!(o && o.recursive), !!(o && o.force)); if (Array.isArray(r)) throw fsError(r, path); },
    stat(path) { path = checkPath(path); const r = mn.fs('stat', path); if (Array.isArray(r)) throw fsError(r, path); return new Stats(r); },
    lstat(path) { path = checkPath(path); const r = mn.fs('lstat', path); if (Array.isArray(r)) throw fsError(r, path); return new Stats(r); },
    readdir(path) { path = checkPath(path); const r = mn.fs('readdir', path); if (!Array.isArray(r[0] === undefined ? [] : r) || typeof r[0] === 'number') throw fsError(r, path); return r; },
    mkdir(path, o) {
      path = checkPath(path);
      const recursive = !!(o && typeof o === 'object' && o.recursive);
      const r = mn.fs('mkdir', path, recursive);
      if (Array.isArray(r)) throw fsError(r, path);
      return recursive ? r : undefined;
    },
    rename(from, to) { from = checkPath(from, 'oldPath'); to = checkPath(to, 'newPath'); const r = mn.fs('rename', from, to); if (Array.isArray(r)) throw fsError(r, from, to); },
    access(path) { path = checkPath(path); const r = mn.fs('access', path); if (Array.isArray(r)) throw fsError(r, path); },
    copyFile(from, to) { from = checkPath(from, 'src'); to = checkPath(to, 'dest'); const r = mn.fs('copyFile', from, to); if (Array.isArray(r)) throw fsError(r, from, to); },
  };
  // libuv round trips of each callback API (readFile: open, fstat, read, close ...)
  const ROUND_TRIPS = { readFile: 4, writeFile: 3, appendFile: 3, copyFile: 1, unlink: 1, rmdir: 1, rm: 1, stat: 1, lstat: 1, readdir: 1, mkdir: 1, rename: 1, access: 1 };
  function __runFs(cb, args) { return cb(...args); }
  function __runReadFile(cb, args) { return cb(...args); }
  function fsAsync(name, nargs) {
    return function (...args) {
      let cb = args[args.length - 1];
      if (typeof cb !== 'function') throw invalidArgType('cb', 'function', cb);
      args = args.slice(0, -1);
      while (args.length < nargs) args.push(undefined);
      const id = nextId++;
      let result;
      callbacks.set(id, () => {
        try {
          const r = syncOps[name](...args);
          result = name === 'readdir' || name === 'readFile' || name === 'stat' || name === 'lstat' || (name === 'mkdir' && r !== undefined) ? [null, r] : [null];
        } catch (e) {
          if (e && e.syscall) {
            const again = fsNoStackError([e.errno, e.code, e.message.slice(e.code.length + 2, e.message.indexOf(',')), e.syscall], e.path);
            if (e.dest !== undefined) again.dest = e.dest;
            result = [again];
          } else throw e;
        }
        if (name === 'readFile') __runReadFile(cb, result); else __runFs(cb, result);
      });
      mn.fsStart(id, 'fs.' + name, ROUND_TRIPS[name] || 1, record ? callerLine() : 0);
    };
  }
  const fs = {};
  const fsArity = { readFile: 2, writeFile: 3, appendFile: 3, unlink: 1, rmdir: 1, rm: 2, stat: 1, lstat: 1, readdir: 1, mkdir: 2, rename: 2, access: 1, copyFile: 2 };
  for (const name of Object.keys(syncOps)) {
    fs[name] = fsAsync(name, fsArity[name]);
    fs[name + 'Sync'] = syncOps[name];
  }
  fs.existsSync = (p) => { try { return !Array.isArray(mn.fs('stat', String(p))); } catch (e) { return false; } };
  fs.exists = (p, cb) => { const id = nextId++; callbacks.set(id, () => cb(fs.existsSync(p))); mn.fsStart(id, 'fs.exists', 1, record ? callerLine() : 0); };
  fs.constants = { F_OK: 0, R_OK: 4, W_OK: 2, X_OK: 1 };
  fs.Stats = Stats;
  const fsPromises = {};
  for (const name of Object.keys(syncOps)) {
    fsPromises[name] = (...args) => new Promise((resolve, reject) => fs[name](...args, (err, value) => (err ? reject(err) : resolve(value))));
  }
  fs.promises = fsPromises;
