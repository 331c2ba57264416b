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
// fd calls (open/read/write/close/fstat) use real fds of the process; a FileHandle of
// fs/promises wraps one. Streams (createReadStream/createWriteStream, require('stream')) are in
// lib/lazy/, compiled by `streams()` on first use.
// Bridge names: fs, fsStart, in BRIDGE in src/eventloop/host/bridge.rs (the streams come through
// `lazyModule`).

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
  function fsNoStackError(res, path, dest) {
    const saved = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    const e = fsError(res, path, dest);
    Error.stackTraceLimit = saved;
    return e;
  }
  function checkPath(p, name = 'path') {
    if (typeof p === 'string') return p;
    if (p instanceof BufferClass) return p.toString();
    // A file: URL is its decoded path (node's fileURLToPath; another scheme is refused there).
    if (p instanceof URL) return urlLib().urlModule.fileURLToPath(p);
    throw invalidArgType(name, 'string or an instance of Buffer or URL', p);
  }
  function encodingOf(o) { return typeof o === 'string' ? o : (o && o.encoding) || null; }
  function decode(ab, encoding) {
    const b = toBuffer(ab);
    return encoding ? b.toString(encoding) : b;
  }
  function dataBytes(data, encoding) {
    if (typeof data === 'string') { const b = BufferClass.from(data, encodingOf(encoding) || 'utf8'); return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength); }
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
  const kType = Symbol('type');
  class Dirent {
    constructor(name, type, dir) { this.name = name; this.parentPath = dir; this.path = dir; this[kType] = type; }
    isFile() { return this[kType] === 1; }
    isDirectory() { return this[kType] === 2; }
    isSymbolicLink() { return this[kType] === 3; }
    isFIFO() { return this[kType] === 4; }
    isSocket() { return this[kType] === 5; }
    isCharacterDevice() { return this[kType] === 6; }
    isBlockDevice() { return this[kType] === 7; }
  }
  // node's SystemError (rm of a directory without `recursive`)
  class SystemError extends Error {
    constructor(code, message, errno, syscall, path) {
      super(message);
      Object.defineProperty(this, 'name', { value: 'SystemError', enumerable: false, writable: true, configurable: true });
      this.code = code; this.info = { errno, code: 'EISDIR', message: 'is a directory', path, syscall }; this.errno = errno; this.syscall = syscall; this.path = path;
    }
    toString() { return `${this.name} [${this.code}]: ${this.message}`; }
  }
  function check(r, path, dest) { if (Array.isArray(r) && typeof r[0] === 'number') throw fsError(r, path, dest); return r; }
  function checkFd(fd) {
    if (typeof fd !== 'number') throw invalidArgType('fd', 'number', fd);
    return fd;
  }
  const COPYFILE_EXCL = 1;
  let rmdirWarned = false;
  const syncOps = {
    readFile(path, o) {
      if (typeof path === 'number') return decode(readAllFd(path), encodingOf(o));
      path = checkPath(path); return decode(check(mn.fs('readFile', path), path), encodingOf(o));
    },
    writeFile(path, data, o) {
      if (typeof path === 'number') { writeAllFd(path, dataBytes(data, o)); return; }
      path = checkPath(path); check(mn.fs(o && o.flag && o.flag[0] === 'a' ? 'appendFile' : 'writeFile', path, dataBytes(data, o)), path);
    },
    appendFile(path, data, o) { path = checkPath(path); check(mn.fs('appendFile', path, dataBytes(data, o)), path); },
    unlink(path) { path = checkPath(path); check(mn.fs('unlink', path), path); },
    rmdir(path, o) {
      path = checkPath(path);
      if (o && o.recursive) {
        if (!rmdirWarned) { rmdirWarned = true; emitWarning('In future versions of Node.js, fs.rmdir(path, { recursive: true }) will be removed. Use fs.rm(path, { recursive: true }) instead', 'DeprecationWarning', 'DEP0147'); }
        check(mn.fs('rm', path, true, false), path);
        return;
      }
      check(mn.fs('rmdir', path), path);
    },
    rm(path, o) {
      path = checkPath(path);
      const recursive = !!(o && o.recursive), force = !!(o && o.force);
      const st = mn.fs('lstat', path);
      if (Array.isArray(st)) { if (force && st[1] === 'ENOENT') return; throw fsError(st, path); }
      if ((st.mode & 0o170000) === 0o040000 && !recursive) {
        throw new SystemError('ERR_FS_EISDIR', `Path is a directory: rm returned EISDIR (is a directory) ${path}`, 21, 'rm', path);
      }
      check(mn.fs('rm', path, recursive, force), path);
    },
    stat(path) { path = checkPath(path); return new Stats(check(mn.fs('stat', path), path)); },
    lstat(path) { path = checkPath(path); return new Stats(check(mn.fs('lstat', path), path)); },
    readdir(path, o) {
      path = checkPath(path);
      if (o && typeof o === 'object' && o.withFileTypes) return check(mn.fs('readdirTypes', path), path).map(([n, t]) => new Dirent(n, t, path));
      const names = check(mn.fs('readdir', path), path);
      return encodingOf(o) === 'buffer' ? names.map((n) => BufferClass.from(n)) : names;
    },
    mkdir(path, o) {
      path = checkPath(path);
      const recursive = !!(o && typeof o === 'object' && o.recursive);
      const r = check(mn.fs('mkdir', path, recursive), path);
      return recursive ? r : undefined;
    },
    mkdtemp(prefix) {
      if (typeof prefix !== 'string') throw invalidArgType('prefix', 'string', prefix);
      return check(mn.fs('mkdtemp', prefix), prefix + 'X'.repeat(6));
    },
    rename(from, to) { from = checkPath(from, 'oldPath'); to = checkPath(to, 'newPath'); check(mn.fs('rename', from, to), from, to); },
    access(path, mode) { path = checkPath(path); check(mn.fs('access', path, mode === undefined ? 0 : mode), path); },
    copyFile(from, to, mode) {
      from = checkPath(from, 'src'); to = checkPath(to, 'dest');
      if (mode & COPYFILE_EXCL && !Array.isArray(mn.fs('lstat', to))) throw fsError([-17, 'EEXIST', 'file already exists', 'copyfile'], from, to);
      check(mn.fs('copyFile', from, to), from, to);
    },
    truncate(path, len) {
      if (typeof path === 'number') return syncOps.ftruncate(path, len);
      path = checkPath(path); check(mn.fs('truncate', path, len || 0), path);
    },
    open(path, flags, mode) {
      path = checkPath(path);
      return check(mn.fs('open', path, flags === undefined || flags === null ? 'r' : flags, mode === undefined ? 0o666 : mode), path);
    },
    close(fd) { check(mn.fs('close', checkFd(fd))); },
    fstat(fd) { return new Stats(check(mn.fs('fstat', checkFd(fd)))); },
    ftruncate(fd, len) { check(mn.fs('ftruncate', checkFd(fd), len || 0)); },
    read(fd, buffer, offset, length, position) {
      checkFd(fd);
      if (offset !== null && typeof offset === 'object') ({ offset, length, position } = offset);
      if (!ArrayBuffer.isView(buffer)) throw invalidArgType('buffer', 'an instance of Buffer, TypedArray, or DataView', buffer);
      offset = offset || 0;
      if (length === undefined) length = buffer.byteLength - offset;
      const ab = check(mn.fs('read', fd, length, typeof position === 'number' ? position : -1));
      new Uint8Array(buffer.buffer, buffer.byteOffset + offset, ab.byteLength).set(new Uint8Array(ab));
      return ab.byteLength;
    },
    write(fd, data, offset, length, position) {
      checkFd(fd);
      let bytes;
      if (typeof data === 'string') {
        // write(fd, string[, position[, encoding]])
        bytes = dataBytes(data, typeof length === 'string' ? length : 'utf8');
        position = offset;
      } else {
        offset = offset || 0;
        if (length === undefined) length = data.byteLength - offset;
        bytes = data.buffer.slice(data.byteOffset + offset, data.byteOffset + offset + length);
      }
      return check(mn.fs('write', fd, bytes, typeof position === 'number' ? position : -1));
    },
  };
  function readAllFd(fd) {
    const parts = [];
    for (;;) { const ab = check(mn.fs('read', fd, 65536, -1)); if (ab.byteLength === 0) break; parts.push(toBuffer(ab)); }
    const b = BufferClass.concat(parts);
    return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength);
  }
  function writeAllFd(fd, ab) { check(mn.fs('write', fd, ab, -1)); }
  // libuv round trips of each callback API (readFile: open, fstat, read, close ...)
  const ROUND_TRIPS = { readFile: 4, writeFile: 3, appendFile: 3 };
  // what the callback gets after the error: the sync call's value, or none
  const NO_VALUE = new Set(['writeFile', 'appendFile', 'unlink', 'rmdir', 'rm', 'rename', 'access', 'copyFile', 'truncate', 'close', 'ftruncate']);
  function __runFs(cb, args) { return cb(...args); }
  function __runReadFile(cb, args) { return cb(...args); }
  function asyncError(e) {
    if (!(e && e.syscall) || e instanceof SystemError) return e;
    return fsNoStackError([e.errno, e.code, e.message.slice(e.code.length + 2, e.message.indexOf(',')), e.syscall], e.path, e.dest);
  }
  // Start a request: `work` runs now (a real fs call does not depend on when it is read); its
  // result reaches `done(err, ...values)` in the poll phase, after `trips` round trips.
  function fsRequest(name, work, done, trips) {
    const id = nextId++;
    let result;
    try { result = [null, ...work()]; } catch (e) { if (e && e.syscall) result = [asyncError(e)]; else throw e; }
    callbacks.set(id, () => { if (name === 'readFile') __runReadFile(done, result); else __runFs(done, result); });
    mn.fsStart(id, 'fs.' + name, trips || ROUND_TRIPS[name] || 1, record ? callerLine() : 0);
  }
  function fsAsync(name, nargs) {
    return function (...args) {
      const cb = args[args.length - 1];
      if (typeof cb !== 'function') throw invalidArgType('cb', 'function', cb);
      args = args.slice(0, -1);
      while (args.length < nargs) args.push(undefined);
      fsRequest(name, () => {
        const r = syncOps[name](...args);
        if (name === 'read') return [r, args[1]];
        if (name === 'write') return [r, args[1]];
        return NO_VALUE.has(name) || (name === 'mkdir' && r === undefined) ? [] : [r];
      }, cb);
    };
  }
  const fs = {};
  const fsArity = {
    readFile: 2, writeFile: 3, appendFile: 3, unlink: 1, rmdir: 2, rm: 2, stat: 1, lstat: 1, readdir: 2, mkdir: 2, mkdtemp: 1, rename: 2,
    access: 2, copyFile: 3, truncate: 2, open: 3, close: 1, fstat: 1, ftruncate: 2, read: 5, write: 5,
  };
  for (const name of Object.keys(syncOps)) {
    fs[name] = fsAsync(name, fsArity[name]);
    fs[name + 'Sync'] = syncOps[name];
  }
  // optional arguments before the callback: (path, cb), (path, options, cb) ...
  fs.write = function (fd, data, ...rest) {
    const cb = rest.pop();
    if (typeof cb !== 'function') throw invalidArgType('cb', 'function', cb);
    fsRequest('write', () => [syncOps.write(fd, data, ...rest), data], cb);
  };
  fs.existsSync = (p) => { try { return !Array.isArray(mn.fs('stat', checkPath(p))); } catch (e) { return false; } };
  fs.exists = (p, cb) => { const id = nextId++; callbacks.set(id, () => cb(fs.existsSync(p))); mn.fsStart(id, 'fs.exists', 1, record ? callerLine() : 0); };
  fs.constants = {
    UV_FS_SYMLINK_DIR: 1, UV_FS_SYMLINK_JUNCTION: 2, O_RDONLY: 0, O_WRONLY: 1, O_RDWR: 2, UV_DIRENT_UNKNOWN: 0, UV_DIRENT_FILE: 1,
    UV_DIRENT_DIR: 2, UV_DIRENT_LINK: 3, UV_DIRENT_FIFO: 4, UV_DIRENT_SOCKET: 5, UV_DIRENT_CHAR: 6, UV_DIRENT_BLOCK: 7,
    S_IFMT: 61440, S_IFREG: 32768, S_IFDIR: 16384, S_IFCHR: 8192, S_IFBLK: 24576, S_IFIFO: 4096, S_IFLNK: 40960, S_IFSOCK: 49152,
    O_CREAT: 64, O_EXCL: 128, UV_FS_O_FILEMAP: 0, O_NOCTTY: 256, O_TRUNC: 512, O_APPEND: 1024, O_DIRECTORY: 65536,
    O_NOATIME: 262144, O_NOFOLLOW: 131072, O_SYNC: 1052672, O_DSYNC: 4096, O_DIRECT: 16384, O_NONBLOCK: 2048,
    S_IRWXU: 448, S_IRUSR: 256, S_IWUSR: 128, S_IXUSR: 64, S_IRWXG: 56, S_IRGRP: 32, S_IWGRP: 16, S_IXGRP: 8,
    S_IRWXO: 7, S_IROTH: 4, S_IWOTH: 2, S_IXOTH: 1, F_OK: 0, R_OK: 4, W_OK: 2, X_OK: 1, UV_FS_COPYFILE_EXCL: 1,
    COPYFILE_EXCL: 1, UV_FS_COPYFILE_FICLONE: 2, COPYFILE_FICLONE: 2, UV_FS_COPYFILE_FICLONE_FORCE: 4, COPYFILE_FICLONE_FORCE: 4,
  };
  Object.assign(fs, { F_OK: 0, R_OK: 4, W_OK: 2, X_OK: 1 });
  fs.Stats = Stats;
  fs.Dirent = Dirent;
  // not provided: named, never silently wrong
  function refuser(name, why = '') {
    return function () {
      const e = new Error(`${name}() is not provided by mini-node${why}. Run this script with real node instead.`);
      e.code = 'ERR_MINI_NODE_UNSUPPORTED';
      throw e;
    };
  }
  const WATCHING = ': it runs event-loop snippets without file watching';
  for (const name of ['watch', 'watchFile', 'unwatchFile']) fs[name] = refuser('fs.' + name, WATCHING);
  // node's other fs calls, named when used rather than `undefined is not a function`
  const NOT_PROVIDED = ['chmod', 'fchmod', 'lchmod', 'chown', 'fchown', 'lchown', 'link', 'symlink', 'readlink', 'realpath',
    'utimes', 'futimes', 'lutimes', 'fsync', 'fdatasync', 'cp', 'opendir', 'readv', 'writev', 'statfs', 'mkfifo'];
  for (const name of NOT_PROVIDED) {
    fs[name] = refuser('fs.' + name);
    fs[name + 'Sync'] = refuser(`fs.${name}Sync`);
  }
  fs.openAsBlob = refuser('fs.openAsBlob');
  // the stream library (lib/lazy/stream*.js), compiled on first use
  const streams = lazyLib(() => lazyModule('streams', { EventEmitter, nextTick, BufferClass, invalidArgType, fs, checkPath, process }));
  fs.createReadStream = (path, o) => new (streams().ReadStream)(path, o);
  fs.createWriteStream = (path, o) => new (streams().WriteStream)(path, o);
  for (const name of ['ReadStream', 'WriteStream']) Object.defineProperty(fs, name, { get: () => streams()[name], enumerable: true, configurable: true });

  // ---------------------------------------------------------------- fs/promises
  // Each call is an async function awaiting one request, as node's lib/internal/fs/promises.js.
  function request(name, work, trips) {
    return new Promise((resolve, reject) => fsRequest(name, work, (err, value) => (err ? reject(err) : resolve(value)), trips));
  }
  const fsPromises = {};
  for (const name of ['readFile', 'writeFile', 'appendFile', 'unlink', 'rmdir', 'rm', 'stat', 'lstat', 'readdir', 'mkdir', 'mkdtemp', 'rename', 'access', 'copyFile', 'truncate']) {
    fsPromises[name] = async function (...args) {
      if (name === 'readFile' && args[0] instanceof FileHandle) return args[0].readFile(args[1]);
      if (name === 'writeFile' && args[0] instanceof FileHandle) return args[0].writeFile(args[1], args[2]);
      return await request(name, () => { const r = syncOps[name](...args); return NO_VALUE.has(name) ? [] : [r]; });
    };
  }
  class FileHandle {
    constructor(fd) { this.fd = fd; }
    getAsyncId() { return this.fd; }
    async read(buffer, offset, length, position) {
      if (buffer === undefined || (buffer !== null && !ArrayBuffer.isView(buffer) && typeof buffer === 'object')) {
        const o = buffer || {};
        buffer = o.buffer || BufferClass.alloc(16384); offset = o.offset; length = o.length; position = o.position;
      }
      const bytesRead = await request('read', () => [syncOps.read(this.fd, buffer, offset, length, position)]);
      return { __proto__: null, bytesRead, buffer };
    }
    async write(data, ...rest) {
      const bytesWritten = await request('write', () => [syncOps.write(this.fd, data, ...rest)]);
      return { __proto__: null, bytesWritten, buffer: data };
    }
    async readFile(o) { return decode(await request('read', () => [readAllFd(this.fd)], 2), encodingOf(o)); }
    async writeFile(data, o) { await request('write', () => { writeAllFd(this.fd, dataBytes(data, o)); return []; }); }
    async appendFile(data, o) { return this.writeFile(data, o); }
    async stat() { return await request('fstat', () => [syncOps.fstat(this.fd)]); }
    async truncate(len) { await request('ftruncate', () => { syncOps.ftruncate(this.fd, len); return []; }); }
    async close() { const fd = this.fd; this.fd = -1; await request('close', () => { syncOps.close(fd); return []; }); }
  }
  fsPromises.open = async function (path, flags, mode) {
    const fd = await request('open', () => [syncOps.open(path, flags, mode)]);
    return new FileHandle(fd);
  };
  fsPromises.constants = fs.constants;
  fsPromises.watch = refuser('fsPromises.watch', WATCHING);
  for (const name of ['chmod', 'lchmod', 'chown', 'lchown', 'link', 'symlink', 'readlink', 'realpath', 'utimes', 'lutimes', 'cp', 'opendir', 'statfs']) {
    const refuse = refuser('fsPromises.' + name);
    fsPromises[name] = async () => refuse();
  }
  fs.promises = fsPromises;
