// module.js: require and the CommonJS module loader, resolving as node v20's loader does:
// built-in modules, relative and absolute files, packages in `node_modules` up the directory tree
// (`package.json` `main` and `exports` with the require/node/default conditions), extension
// probing, JSON files, `require.resolve`, `require.cache`, cycles, and the main module.
//
// HOW: `require(id)` answers a built-in from `builtins` (a new module: add it there), or resolves
// a file (`mn.fs('stat', ...)`), reads it and has Rust compile it into node's wrapper function
// `(exports, require, module, __filename, __dirname)` (`mn.compile`, which throws node's
// SyntaxError report). The main module and each required file run through `__mainModule` /
// `__requireModule`, whose frames errors.js prints as node's Module._compile chain. Nothing is
// resolved or read before a script calls `require`.
// WHY: compiling in Rust lets a syntax error be reported as V8 reports it (host/syntax.rs). What
// mini-node cannot run (a built-in it lacks, an ES module, a native `.node` addon) throws an
// error naming it, never a silent stand-in.
//
// Shared with Rust: the wrapper's parameters *Must* match HEADER in
// src/eventloop/host/module.rs. Bridge names: compile, fs, in BRIDGE in
// src/eventloop/host/bridge.rs.

  // ---------------------------------------------------------------- require
  const timersModule = { setTimeout, setInterval, setImmediate, clearTimeout, clearInterval: clearTimeout, clearImmediate, promises: timersPromises };
  const builtins = {
    fs, 'fs/promises': fsPromises, path, 'path/posix': path, os, util, events: EventEmitter,
    timers: timersModule, 'timers/promises': timersPromises, assert, 'assert/strict': assert.strict,
    buffer: bufferModule, process, console, net, http, child_process: childProcessModule,
    get cluster() { return clusterModule(); },
    get url() { return urlLib().urlModule; },
    get stream() { return streams().stream; }, get 'stream/promises'() { return streams().streamPromises; },
    get worker_threads() { return workerThreadsLib().module; },
  };
  const UNSUPPORTED = ['https', 'http2', 'tls', 'dgram', 'dns',
    'readline', 'zlib', 'crypto', 'vm', 'repl', 'tty', 'v8', 'inspector', 'perf_hooks', 'async_hooks',
    'querystring', 'string_decoder', 'module', 'diagnostics_channel', 'punycode', 'trace_events', 'wasi', 'test'];
  // The loader's state: node's Module._cache (by file name; `require.cache`) and each module's
  // parent (node's moduleParentCache, read by `module.parent` and the require stack).
  const moduleCache = { __proto__: null };
  const moduleParents = new WeakMap();
  const EXTENSIONS = ['.js', '.json', '.node'];
  const CJS_CONDITIONS = new Set(['require', 'node', 'node-addons']);
  class Module {
    constructor(id = '', parent) {
      this.id = id;
      this.path = path.dirname(id);
      this.exports = {};
      moduleParents.set(this, parent);
      updateChildren(parent, this, false);
      this.filename = null;
      this.loaded = false;
      this.children = [];
      this.paths = [];
    }
    get parent() { return moduleParents.get(this); }
    require(id) {
      if (typeof id !== 'string') throw invalidArgType('id', 'string', id);
      if (id === '') {
        const e = new TypeError("The argument 'id' must be a non-empty string. Received ''");
        e.code = 'ERR_INVALID_ARG_VALUE';
        throw e;
      }
      return loadModule(id, this);
    }
  }
  function updateChildren(parent, child, scan) {
    const children = parent && parent.children;
    if (children && !(scan && children.includes(child))) children.push(child);
  }
  // A built-in's exports, or undefined when `id` names none mini-node provides.
  function builtinName(id) {
    const name = id.startsWith('node:') ? id.slice(5) : id;
    return Object.prototype.hasOwnProperty.call(builtins, name) ? name : undefined;
  }
  // node v20's other built-ins (`require('module').builtinModules`), and those only `node:` names.
  const NODE_BUILTINS = new Set(['_http_agent', '_http_client', '_http_common', '_http_incoming', '_http_outgoing',
    '_http_server', '_stream_duplex', '_stream_passthrough', '_stream_readable', '_stream_transform', '_stream_wrap',
    '_stream_writable', '_tls_common', '_tls_wrap', 'constants', 'dns/promises', 'domain', 'inspector/promises',
    'path/win32', 'readline/promises', 'stream/consumers', 'stream/promises', 'stream/web', 'sys', 'util/types']);
  const SCHEME_ONLY = new Set(['test', 'test/reporters', 'sea']);
  // The error for a node built-in mini-node lacks (or a `node:` name node lacks); undefined for
  // any other id.
  function unsupportedBuiltin(id) {
    if (builtinName(id) !== undefined) return undefined;
    const prefixed = id.startsWith('node:');
    const name = prefixed ? id.slice(5) : id;
    if (!UNSUPPORTED.includes(name) && !NODE_BUILTINS.has(name) && !(prefixed && SCHEME_ONLY.has(name))) {
      if (!prefixed) return undefined;
      const e = new Error(`No such built-in module: ${id}`);
      e.code = 'ERR_UNKNOWN_BUILTIN_MODULE';
      return e;
    }
    const supported = Object.keys(builtins).filter((k) => k !== 'process' && k !== 'console').join(', ');
    const e = new Error(`Cannot load module '${id}': mini-node runs event-loop snippets and provides only ${supported} (and files and packages of JavaScript). Run this script with real node instead.`);
    e.code = 'ERR_MINI_NODE_UNSUPPORTED_MODULE';
    return e;
  }
  function loadModule(id, parent) {
    const name = builtinName(id);
    if (name !== undefined) return builtins[name];
    const unsupported = unsupportedBuiltin(id);
    if (unsupported) throw unsupported;
    const filename = resolveFilename(id, parent);
    const cached = moduleCache[filename];
    if (cached !== undefined) {
      updateChildren(parent, cached, true);
      // a cycle: the partial exports of a module still loading
      return cached.exports;
    }
    const module = new Module(filename, parent);
    moduleCache[filename] = module;
    let threw = true;
    try {
      loadFile(module, filename, parent);
      threw = false;
    } finally {
      if (threw) {
        delete moduleCache[filename];
        const children = parent && parent.children;
        if (Array.isArray(children)) {
          const i = children.indexOf(module);
          if (i !== -1) children.splice(i, 1);
        }
      }
    }
    return module.exports;
  }
  function loadFile(module, filename, parent) {
    module.filename = filename;
    module.paths = nodeModulePaths(path.dirname(filename));
    const ext = path.extname(filename);
    if (ext === '.node') {
      const e = new Error(`Cannot load native addon '${filename}': mini-node runs JavaScript only and cannot load compiled .node addons. Run this script with real node instead.`);
      e.code = 'ERR_MINI_NODE_UNSUPPORTED_MODULE';
      throw e;
    }
    const src = syncOps.readFile(filename, 'utf8');
    if (ext === '.json') {
      const text = src.charCodeAt(0) === 0xfeff ? src.slice(1) : src;
      try {
        module.exports = JSON.parse(text);
      } catch (err) {
        err.message = filename + ': ' + (v8JsonError(text) || err.message);
        throw err;
      }
    } else {
      if (ext === '.mjs' || (ext !== '.cjs' && packageScopeType(filename) === 'module')) throw requireEsm(filename, parent);
      const fn = mn.compile(src, filename);
      __requireModule(fn, module, filename);
    }
    module.loaded = true;
  }
  // V8's (node v20's) message for the first syntax error of JSON text, found by reading it as
  // V8's JsonParser does; null when the text parses.
  function v8JsonError(text) {
    let i = 0;
    const n = text.length;
    const fail = (message) => { throw { message }; };
    const at = (m) => fail(`${m} in JSON at position ${i}`);
    const unexpected = (message) => {
      if (message) at(message);
      if (i >= n) fail('Unexpected end of JSON input');
      const c = text[i];
      if (c === '"') at('Unexpected string');
      if (/[-0-9]/.test(c)) at('Unexpected number');
      if (n < 21) fail(`Unexpected token '${c}', "${text}" is not valid JSON`);
      if (i < 10) fail(`Unexpected token '${c}', "${text.slice(0, i + 10)}"... is not valid JSON`);
      if (i < n - 10) fail(`Unexpected token '${c}', ..."${text.slice(i - 10, i + 10)}"... is not valid JSON`);
      fail(`Unexpected token '${c}', ..."${text.slice(i - 10)}" is not valid JSON`);
    };
    const ws = () => { while (i < n && ' \t\n\r'.includes(text[i])) i++; };
    const string = () => {
      i++;
      for (;;) {
        if (i >= n) at('Unterminated string');
        const c = text.charCodeAt(i);
        if (c === 0x22) { i++; return; }
        if (c < 0x20) at('Bad control character in string literal');
        if (c === 0x5c) {
          i++;
          if (i >= n) at('Unterminated string');
          const e = text[i];
          if (e === 'u') {
            for (let k = 1; k <= 4; k++) if (!/[0-9a-fA-F]/.test(text[i + k] || '')) { i += k; at('Bad Unicode escape'); }
            i += 4;
          } else if (!'"\\/bfnrt'.includes(e)) at('Bad escaped character');
        }
        i++;
      }
    };
    const digits = () => { const s = i; while (i < n && text[i] >= '0' && text[i] <= '9') i++; return i > s; };
    const number = () => {
      if (text[i] === '-') { i++; if (!(text[i] >= '0' && text[i] <= '9')) at('No number after minus sign'); }
      if (text[i] === '0') { i++; if (text[i] >= '0' && text[i] <= '9') unexpected(); } else digits();
      if (text[i] === '.') { i++; if (!digits()) at('Unterminated fractional number'); }
      if (text[i] === 'e' || text[i] === 'E') {
        i++;
        if (text[i] === '+' || text[i] === '-') i++;
        if (!digits()) at('Exponent part is missing a number');
      }
    };
    const value = () => {
      ws();
      const c = text[i];
      if (c === '{') {
        i++; ws();
        if (text[i] === '}') { i++; return; }
        if (text[i] !== '"') unexpected("Expected property name or '}'");
        for (;;) {
          string(); ws();
          if (text[i] !== ':') unexpected("Expected ':' after property name");
          i++; value(); ws();
          if (text[i] === ',') {
            i++; ws();
            if (text[i] !== '"') unexpected('Expected double-quoted property name');
            continue;
          }
          if (text[i] !== '}') unexpected("Expected ',' or '}' after property value");
          i++; return;
        }
      }
      if (c === '[') {
        i++; ws();
        if (text[i] === ']') { i++; return; }
        for (;;) {
          value(); ws();
          if (text[i] === ',') { i++; continue; }
          if (text[i] !== ']') unexpected("Expected ',' or ']' after array element");
          i++; return;
        }
      }
      if (c === '"') return string();
      if (c === '-' || (c >= '0' && c <= '9')) return number();
      for (const word of ['true', 'false', 'null']) {
        if (c !== word[0]) continue;
        for (let k = 0; k < word.length; k++, i++) if (text[i] !== word[k]) unexpected();
        return;
      }
      unexpected();
    };
    if (['NaN', 'Infinity', 'undefined', '[object Object]'].includes(text)) return `"${text}" is not valid JSON`;
    try {
      value(); ws();
      if (i < n) fail(`Unexpected non-whitespace character after JSON at position ${i}`);
    } catch (e) {
      if (e && typeof e.message === 'string' && !(e instanceof Error)) return e.message;
      throw e;
    }
    return null;
  }
  // node prints this error for an ES module, which mini-node cannot run (node v20.19+ loads it).
  function requireEsm(filename, parent) {
    const from = parent && parent.filename ? ` from ${parent.filename}` : '';
    const e = new Error(`require() of ES Module ${filename}${from} not supported: mini-node runs CommonJS modules only (no ES modules: .mjs files, or .js files under a package.json with "type": "module"). Use a CommonJS build of the package, or run this script with real node.`);
    e.code = 'ERR_REQUIRE_ESM';
    return e;
  }
  // The "type" of the nearest package.json above a file (node's readPackageScope).
  function packageScopeType(filename) {
    let dir = path.dirname(filename);
    for (;;) {
      if (path.basename(dir) === 'node_modules') return undefined;
      const pkg = readPackage(dir);
      if (pkg !== null) return pkg.type;
      const up = path.dirname(dir);
      if (up === dir) return undefined;
      dir = up;
    }
  }
  // ---------------------------------------------------------------- resolution
  // 0 for a file, 1 for a directory, -1 for nothing (node's internalModuleStat).
  function statKind(p) {
    const r = mn.fs('stat', p);
    if (Array.isArray(r)) return -1;
    return (r.mode & 0o170000) === 0o040000 ? 1 : 0;
  }
  const packages = new Map();
  function readPackage(dir) {
    const file = path.join(dir, 'package.json');
    if (packages.has(file)) return packages.get(file);
    let pkg = null;
    if (statKind(file) === 0) {
      const text = syncOps.readFile(file, 'utf8');
      try {
        pkg = JSON.parse(text);
      } catch (err) {
        const e = new Error(`Invalid package config ${file}.`);
        e.code = 'ERR_INVALID_PACKAGE_CONFIG';
        throw e;
      }
      if (pkg === null || typeof pkg !== 'object') pkg = {};
    }
    packages.set(file, pkg);
    return pkg;
  }
  function isRelative(id) {
    return id === '.' || id === '..' || id.startsWith('./') || id.startsWith('../');
  }
  // The node_modules folders a module in `from` looks in, nearest first (node's
  // Module._nodeModulePaths); a folder named node_modules gets none of its own.
  function nodeModulePaths(from) {
    from = path.resolve(from);
    const parts = from.split('/').filter((p) => p !== '');
    const out = [];
    for (let i = parts.length; i > 0; i--) {
      if (parts[i - 1] === 'node_modules') continue;
      out.push('/' + parts.slice(0, i).join('/') + '/node_modules');
    }
    out.push('/node_modules');
    return out;
  }
  // The folders node also searches after a module's paths (HOME's and node's own).
  function globalPaths() {
    const home = process.env.HOME;
    const prefix = path.resolve(process.execPath, '..', '..');
    const out = [];
    if (home) out.push(path.resolve(home, '.node_modules'), path.resolve(home, '.node_libraries'));
    out.push(path.resolve(prefix, 'lib', 'node'));
    return out;
  }
  function lookupPaths(id, parent) {
    const unsupported = unsupportedBuiltin(id);
    if (builtinName(id) !== undefined || (unsupported && unsupported.code !== 'ERR_UNKNOWN_BUILTIN_MODULE')) return null;
    if (!isRelative(id)) return (parent && parent.paths ? parent.paths : nodeModulePaths('.')).concat(globalPaths());
    return [parent && parent.filename ? path.dirname(parent.filename) : path.resolve('.')];
  }
  function resolveFilename(id, parent, options) {
    let paths;
    if (options && Array.isArray(options.paths)) {
      paths = [];
      for (const p of options.paths) {
        for (const q of isRelative(id) ? [path.resolve(p)] : nodeModulePaths(p).concat(globalPaths())) {
          if (!paths.includes(q)) paths.push(q);
        }
      }
    } else {
      paths = lookupPaths(id, parent);
    }
    const self = !isRelative(id) && !path.isAbsolute(id) ? resolveSelf(id, parent) : undefined;
    if (self) return self;
    const found = findPath(id, paths);
    if (found) return found;
    const stack = [];
    for (let m = parent; m; m = moduleParents.get(m)) stack.push(m.filename || m.id);
    let message = `Cannot find module '${id}'`;
    if (stack.length > 0) message += '\nRequire stack:\n- ' + stack.join('\n- ');
    const e = new Error(message);
    e.code = 'MODULE_NOT_FOUND';
    e.requireStack = stack;
    throw e;
  }
  // node's Module._findPath: for each folder, the package's "exports", else the file, the file
  // with an extension, or the folder as a package.
  function findPath(request, paths) {
    const absolute = path.isAbsolute(request);
    if (absolute) paths = [''];
    const trailingSlash = request.length > 0 && (request.endsWith('/') || /(?:^|\/)\.\.?$/.test(request));
    for (const cur of paths) {
      if (cur && statKind(cur) < 1) continue;
      if (!absolute && !isRelative(request)) {
        const exported = resolveExports(cur, request);
        if (exported) return exported;
      }
      const base = path.resolve(cur, request);
      let filename;
      const rc = statKind(base);
      if (!trailingSlash) {
        if (rc === 0) filename = base;
        else filename = tryExtensions(base);
      }
      if (!filename && rc === 1) filename = tryPackage(base, request);
      if (filename) return filename;
    }
    return false;
  }
  function tryExtensions(base) {
    for (const ext of EXTENSIONS) if (statKind(base + ext) === 0) return base + ext;
    return false;
  }
  function tryFile(p) {
    return statKind(p) === 0 ? p : false;
  }
  function tryPackage(dir, request) {
    const pkg = readPackage(dir);
    const main = pkg && typeof pkg.main === 'string' ? pkg.main : '';
    if (!main) return tryExtensions(path.resolve(dir, 'index'));
    const filename = path.resolve(dir, main);
    let actual = tryFile(filename) || tryExtensions(filename) || tryExtensions(path.resolve(filename, 'index'));
    if (actual) return actual;
    actual = tryExtensions(path.resolve(dir, 'index'));
    if (actual) {
      emitWarning(`Invalid 'main' field in '${path.resolve(dir, 'package.json')}' of '${main}'. Please either fix that or report it to the module author`, 'DeprecationWarning', 'DEP0128');
    } else {
      const e = new Error(`Cannot find module '${filename}'. Please verify that the package.json has a valid "main" entry`);
      e.code = 'MODULE_NOT_FOUND';
      e.path = path.resolve(dir, 'package.json');
      e.requestPath = request;
      throw e;
    }
    return actual;
  }
  // ---------------------------------------------------------------- package "exports"
  const EXPORTS_PATTERN = /^((?:@[^/\\%]+\/)?[^./\\%][^/\\%]*)(\/.*)?$/;
  function resolveExports(nmPath, request) {
    const m = EXPORTS_PATTERN.exec(request);
    if (!m) return undefined;
    const pkgDir = path.resolve(nmPath, m[1]);
    const pkg = readPackage(pkgDir);
    if (pkg === null || pkg.exports === undefined || pkg.exports === null) return undefined;
    const pkgJson = pkgDir + '/package.json';
    const resolved = packageExportsResolve(pkgDir, pkgJson, '.' + (m[2] || ''), pkg.exports);
    if (statKind(resolved) !== 0) {
      const e = new Error(`Cannot find module '${resolved}'`);
      e.code = 'MODULE_NOT_FOUND';
      e.path = pkgJson;
      throw e;
    }
    return resolved;
  }
  // A package requiring itself by its own name, through its "exports" (node's trySelf).
  function resolveSelf(request, parent) {
    if (!parent || !parent.filename || !path.isAbsolute(parent.filename)) return undefined;
    let dir = path.dirname(parent.filename);
    let pkg = null;
    for (;;) {
      if (path.basename(dir) === 'node_modules') return undefined;
      pkg = readPackage(dir);
      if (pkg !== null) break;
      const up = path.dirname(dir);
      if (up === dir) return undefined;
      dir = up;
    }
    if (typeof pkg.name !== 'string' || pkg.exports === undefined || pkg.exports === null) return undefined;
    if (request !== pkg.name && !request.startsWith(pkg.name + '/')) return undefined;
    const resolved = packageExportsResolve(dir, dir + '/package.json', '.' + request.slice(pkg.name.length), pkg.exports);
    if (statKind(resolved) !== 0) {
      const e = new Error(`Cannot find module '${resolved}'`);
      e.code = 'MODULE_NOT_FOUND';
      e.path = dir + '/package.json';
      throw e;
    }
    return resolved;
  }
  function packageError(code, message) {
    const e = new Error(message);
    e.code = code;
    return e;
  }
  function notExported(pkgJson, subpath) {
    return packageError('ERR_PACKAGE_PATH_NOT_EXPORTED', subpath === '.'
      ? `No "exports" main defined in ${pkgJson}`
      : `Package subpath '${subpath}' is not defined by "exports" in ${pkgJson}`);
  }
  function isConditionalSugar(exports, pkgJson) {
    if (typeof exports === 'string' || Array.isArray(exports)) return true;
    if (typeof exports !== 'object' || exports === null) return false;
    let conditional = null;
    for (const key of Object.keys(exports)) {
      const c = !(key === '' || key[0] === '.');
      if (conditional === null) conditional = c;
      else if (conditional !== c) {
        throw packageError('ERR_INVALID_PACKAGE_CONFIG', `Invalid package config ${pkgJson}. "exports" cannot contain some keys starting with '.' and some not. The exports object must either be an object of package subpath keys or an object of main entry condition name keys only.`);
      }
    }
    return conditional === true;
  }
  function patternKeyCompare(a, b) {
    const ai = a.indexOf('*');
    const bi = b.indexOf('*');
    const al = ai === -1 ? a.length : ai + 1;
    const bl = bi === -1 ? b.length : bi + 1;
    if (al > bl) return -1;
    if (bl > al) return 1;
    if (ai === -1) return 1;
    if (bi === -1) return -1;
    if (a.length > b.length) return -1;
    if (b.length > a.length) return 1;
    return 0;
  }
  function packageExportsResolve(pkgDir, pkgJson, subpath, exports) {
    if (isConditionalSugar(exports, pkgJson)) exports = { '.': exports };
    const own = (k) => Object.prototype.hasOwnProperty.call(exports, k);
    if (own(subpath) && !subpath.includes('*') && !subpath.endsWith('/')) {
      const r = resolveTarget(pkgDir, pkgJson, exports[subpath], '', subpath, false);
      if (r === null || r === undefined) throw notExported(pkgJson, subpath);
      return r;
    }
    let best = '';
    let bestSub;
    for (const key of Object.keys(exports)) {
      const i = key.indexOf('*');
      if (i === -1 || !subpath.startsWith(key.slice(0, i))) continue;
      const trailer = key.slice(i + 1);
      if (subpath.length >= key.length && subpath.endsWith(trailer) && patternKeyCompare(best, key) === 1 && key.lastIndexOf('*') === i) {
        best = key;
        bestSub = subpath.slice(i, subpath.length - trailer.length);
      }
    }
    if (best) {
      const r = resolveTarget(pkgDir, pkgJson, exports[best], bestSub, best, true);
      if (r === null || r === undefined) throw notExported(pkgJson, subpath);
      return r;
    }
    throw notExported(pkgJson, subpath);
  }
  function invalidTarget(pkgJson, key, target) {
    const shown = typeof target === 'object' && target !== null ? JSON.stringify(target) : `"${target}"`;
    return packageError('ERR_INVALID_PACKAGE_TARGET', key === '.'
      ? `Invalid "exports" main target ${shown} defined in the package config ${pkgJson}; targets must start with "./"`
      : `Invalid "exports" target ${shown} defined for '${key}' in the package config ${pkgJson}; targets must start with "./"`);
  }
  // A target of "exports": a string (with `*` filled in), the first usable of an array, the
  // first condition of an object that CommonJS matches (require, node, default); null when
  // excluded, undefined when no condition matches.
  function resolveTarget(pkgDir, pkgJson, target, sub, key, pattern) {
    if (typeof target === 'string') {
      if (!target.startsWith('./') || /(^|\/)(\.\.?|node_modules)(\/|$)/.test(target.slice(2))) throw invalidTarget(pkgJson, key, target);
      return path.resolve(pkgDir, pattern ? target.split('*').join(sub) : target + sub);
    }
    if (Array.isArray(target)) {
      if (target.length === 0) return null;
      let last;
      for (const t of target) {
        let r;
        try {
          r = resolveTarget(pkgDir, pkgJson, t, sub, key, pattern);
        } catch (e) {
          last = e;
          if (e.code === 'ERR_INVALID_PACKAGE_TARGET') continue;
          throw e;
        }
        if (r === undefined) continue;
        if (r === null) { last = null; continue; }
        return r;
      }
      if (last) throw last;
      return last;
    }
    if (typeof target === 'object' && target !== null) {
      for (const k of Object.keys(target)) {
        if (/^\d+$/.test(k)) throw packageError('ERR_INVALID_PACKAGE_CONFIG', `Invalid package config ${pkgJson}. "exports" cannot contain numeric property keys.`);
      }
      for (const k of Object.keys(target)) {
        if (k === 'default' || CJS_CONDITIONS.has(k)) {
          const r = resolveTarget(pkgDir, pkgJson, target[k], sub, key, pattern);
          if (r === undefined) continue;
          return r;
        }
      }
      return undefined;
    }
    if (target === null) return null;
    throw invalidTarget(pkgJson, key, target);
  }
  // ---------------------------------------------------------------- require, the main module
  function makeRequire(mod) {
    function require(id) { return mod.require(id); }
    function resolve(request, options) {
      if (typeof request !== 'string') throw invalidArgType('request', 'string', request);
      const unsupported = unsupportedBuiltin(request);
      if (builtinName(request) !== undefined || (unsupported && unsupported.code !== 'ERR_UNKNOWN_BUILTIN_MODULE')) return request;
      return resolveFilename(request, mod, options);
    }
    resolve.paths = (request) => {
      if (typeof request !== 'string') throw invalidArgType('request', 'string', request);
      return lookupPaths(request, mod);
    };
    require.resolve = resolve;
    require.main = mainModule;
    require.extensions = { __proto__: null, '.js': () => {}, '.json': () => {}, '.node': () => {} };
    require.cache = moduleCache;
    return require;
  }
  function __requireModule(fn, module, file) {
    return fn.call(module.exports, module.exports, makeRequire(module), module, file, path.dirname(file));
  }
  const mainModule = new Module('.', null);
  mainModule.filename = SCRIPT;
  mainModule.path = path.dirname(SCRIPT);
  mainModule.paths = SCRIPT.startsWith('/') ? nodeModulePaths(path.dirname(SCRIPT)) : nodeModulePaths('.');
  function __mainModule(fn) {
    const require = makeRequire(mainModule);
    moduleCache[SCRIPT] = mainModule;
    try {
      return fn.call(mainModule.exports, mainModule.exports, require, mainModule, SCRIPT, path.dirname(SCRIPT));
    } finally {
      mainModule.loaded = true;
    }
  }
