// module.js: require and the CommonJS module loader: built-in modules, relative files, JSON,
// and the main module.
//
// HOW: `require(id)` answers a built-in from `builtins` (a new module: add it there), or finds
// a relative file (`mn.fs('stat', ...)`), reads it and has Rust compile it into node's wrapper
// function `(exports, require, module, __filename, __dirname)` (`mn.compile`, which throws node's
// SyntaxError report). The main module and each required file run through `__mainModule` /
// `__requireModule`, whose frames errors.js prints as node's Module._compile chain.
// WHY: compiling in Rust lets a syntax error be reported as V8 reports it (host/syntax.rs).
//
// Shared with Rust: the wrapper's parameters *Must* match HEADER in
// src/eventloop/host/module.rs. Bridge names: compile, fs, in BRIDGE in
// src/eventloop/host/bridge.rs.

  // ---------------------------------------------------------------- require
  const timersModule = { setTimeout, setInterval, setImmediate, clearTimeout, clearInterval: clearTimeout, clearImmediate, promises: timersPromises };
  const builtins = {
    fs, 'fs/promises': fsPromises, path, 'path/posix': path, os, util, events: EventEmitter,
    timers: timersModule, 'timers/promises': timersPromises, assert, 'assert/strict': assert.strict,
    buffer: { Buffer: BufferClass }, process, console,
  };
  const UNSUPPORTED = ['http', 'https', 'http2', 'net', 'tls', 'dgram', 'dns', 'child_process', 'cluster', 'worker_threads',
    'stream', 'readline', 'zlib', 'crypto', 'vm', 'repl', 'tty', 'v8', 'inspector', 'perf_hooks', 'async_hooks', 'url',
    'querystring', 'string_decoder', 'module', 'diagnostics_channel', 'punycode', 'trace_events', 'wasi', 'test'];
  const moduleCache = new Map();
  function makeRequire(fromFile) {
    function require(id) {
      if (typeof id !== 'string') throw invalidArgType('id', 'string', id);
      const name = id.startsWith('node:') ? id.slice(5) : id;
      if (Object.prototype.hasOwnProperty.call(builtins, name)) return builtins[name];
      if (name.startsWith('./') || name.startsWith('../') || name.startsWith('/')) {
        let file = path.resolve(path.dirname(fromFile), name);
        const candidates = [file, file + '.js', file + '.json', file + '/index.js'];
        const found = candidates.find((c) => { const r = mn.fs('stat', c); return !Array.isArray(r) && (r.mode & 0o170000) === 0o100000; });
        if (found === undefined) return notFound(id, fromFile);
        if (moduleCache.has(found)) return moduleCache.get(found).exports;
        const src = syncOps.readFile(found, 'utf8');
        const module = { exports: {}, filename: found, id: found, loaded: false, children: [], paths: [] };
        moduleCache.set(found, module);
        if (found.endsWith('.json')) { module.exports = JSON.parse(src); return module.exports; }
        const fn = mn.compile(src, found);
        __requireModule(fn, module, found);
        module.loaded = true;
        return module.exports;
      }
      const known = UNSUPPORTED.includes(name);
      const supported = Object.keys(builtins).filter((k) => k !== 'process' && k !== 'console').join(', ');
      const e = new Error(known
        ? `Cannot load module '${id}': mini-node runs event-loop snippets and provides only ${supported} (and relative files). Run this script with real node instead.`
        : `Cannot find module '${id}'\nRequire stack:\n- ${fromFile}\nmini-node provides only these modules: ${supported} (and relative files).`);
      e.code = known ? 'ERR_MINI_NODE_UNSUPPORTED_MODULE' : 'MODULE_NOT_FOUND';
      throw e;
    }
    function notFound(id, from) {
      const e = new Error(`Cannot find module '${id}'\nRequire stack:\n- ${from}`);
      e.code = 'MODULE_NOT_FOUND';
      e.requireStack = [from];
      throw e;
    }
    require.resolve = (id) => path.resolve(path.dirname(fromFile), id);
    require.cache = {};
    return require;
  }
  function __requireModule(fn, module, file) {
    return fn.call(module.exports, module.exports, makeRequire(file), module, file, path.dirname(file));
  }
  const mainModule = { exports: {}, filename: SCRIPT, id: '.', loaded: false, children: [], paths: [] };
  function __mainModule(fn) {
    const require = makeRequire(SCRIPT);
    require.main = mainModule;
    return fn.call(mainModule.exports, mainModule.exports, require, mainModule, SCRIPT, path.dirname(SCRIPT));
  }
