// lazy/url.js: the code of lib/url.js that runs on first use (see that file for what and how).
//
// LAZY: not part of the prelude. host/lazy.rs embeds this file (`mn.lazySource('url')`);
// `urlLib()` in lib/url.js compiles it on first use, as one CommonJS body whose `exports`
// argument carries the prelude's names it needs, and whose `module.exports` is what it makes.
// WHY lazy: a script that does not use it does not pay for reading this code at startup.
//
// Shared with Rust: the name `url` *Must* match its line in LAZY in src/eventloop/host/lazy.rs.
// Bridge names: none; `utf8Decode` is mn.utf8Decode, handed in by lib/url.js.
'use strict';
const { utf8Decode, bytesOf, codedError, enc, inspect, invalidArgType, kInspectCustom, nodeError, path } = exports;

const SPECIAL = { 'http:': '80', 'https:': '443', 'ws:': '80', 'wss:': '443', 'ftp:': '21', 'file:': '' };
const C0 = (c) => c < 0x20 || c > 0x7e;
const FRAGMENT_SET = (c) => C0(c) || ' "<>`'.includes(String.fromCharCode(c));
const QUERY_SET = (c) => C0(c) || ' "#<>'.includes(String.fromCharCode(c));
const SPECIAL_QUERY_SET = (c) => QUERY_SET(c) || c === 0x27;
const PATH_SET = (c) => QUERY_SET(c) || '?`{}^'.includes(String.fromCharCode(c));
const USERINFO_SET = (c) => PATH_SET(c) || '/:;=@[\\]|'.includes(String.fromCharCode(c));
function percentEncode(s, inSet) {
  let out = '';
  for (const ch of s) {
    const c = ch.codePointAt(0);
    if (c < 0x80 && !inSet(c)) { out += ch; continue; }
    for (const b of new Uint8Array(enc(ch))) out += '%' + b.toString(16).toUpperCase().padStart(2, '0');
  }
  return out;
}
function percentDecodeBytes(s) {
  const bytes = new Uint8Array(enc(s));
  const out = [];
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (b === 0x25 && i + 2 < bytes.length + 0 && /^[0-9a-fA-F]{2}$/.test(String.fromCharCode(bytes[i + 1], bytes[i + 2]))) {
      out.push(parseInt(String.fromCharCode(bytes[i + 1], bytes[i + 2]), 16)); i += 2;
    } else out.push(b);
  }
  return new Uint8Array(out);
}
const percentDecode = (s) => utf8Decode(bytesOf(percentDecodeBytes(s)));
function invalidUrl(input, base) {
  return codedError(TypeError, 'ERR_INVALID_URL', 'Invalid URL', base === undefined ? { input } : { input, base });
}
const FAIL = {};
function parseIPv4Number(s) {
  if (s === '') return NaN;
  let radix = 10;
  if (/^0[xX]/.test(s)) { s = s.slice(2); radix = 16; } else if (s.length > 1 && s[0] === '0') { s = s.slice(1); radix = 8; }
  if (s === '') return 0;
  const ok = radix === 16 ? /^[0-9a-fA-F]+$/ : radix === 8 ? /^[0-7]+$/ : /^[0-9]+$/;
  return ok.test(s) ? parseInt(s, radix) : NaN;
}
function parseHost(input, special) {
  if (input.startsWith('[')) {
    if (!input.endsWith(']') || !/^\[[0-9a-fA-F:.]+\]$/.test(input)) return FAIL;
    return input.toLowerCase();
  }
  if (!special) {
    if (/[\x00\t\n\r #/:<>?@[\\\]^|]/.test(input)) return FAIL;
    return percentEncode(input, C0);
  }
  const domain = percentDecode(input).toLowerCase();
  if (domain === '' || /[\x00-\x20#%/:<>?@[\\\]^|\x7f]/.test(domain)) return FAIL;
  if (/[^\x00-\x7f]/.test(domain)) throw new Error(`URL host "${domain}": internationalised domain names (punycode) are not supported by mini-node`);
  const parts = domain.split('.');
  if (parts[parts.length - 1] === '' && parts.length > 1) parts.pop();
  const last = parts[parts.length - 1];
  if (!/^[0-9]+$/.test(last) && !/^0[xX][0-9a-fA-F]*$/.test(last)) return domain;
  if (parts.length > 4) return FAIL;
  const nums = parts.map(parseIPv4Number);
  if (nums.some(Number.isNaN)) return FAIL;
  if (nums.slice(0, -1).some((n) => n > 255) || nums[nums.length - 1] >= 256 ** (5 - nums.length)) return FAIL;
  let ip = nums[nums.length - 1];
  nums.slice(0, -1).forEach((n, i) => { ip += n * 256 ** (3 - i); });
  return [ip >>> 24, (ip >>> 16) & 255, (ip >>> 8) & 255, ip & 255].join('.');
}
const isDot = (s) => s === '.' || s.toLowerCase() === '%2e';
const isDotDot = (s) => ['..', '.%2e', '%2e.', '%2e%2e'].includes(s.toLowerCase());
const isDrive = (s) => /^[a-zA-Z][:|]$/.test(s);
// Appends a path's segments (text after the authority) to `path`, resolving dot segments.
function parsePath(text, special, path, scheme) {
  const segs = text.split(special ? /[/\\]/ : '/');
  if (segs[0] === '') segs.shift();
  segs.forEach((seg, i) => {
    const last = i === segs.length - 1;
    if (isDotDot(seg)) {
      if (!(scheme === 'file:' && path.length === 1 && isDrive(path[0]))) path.pop();
      if (last) path.push('');
    } else if (isDot(seg)) {
      if (last) path.push('');
    } else {
      if (scheme === 'file:' && path.length === 0 && isDrive(seg)) seg = seg[0] + ':';
      path.push(percentEncode(seg, PATH_SET));
    }
  });
  return path;
}
function splitTail(s) {
  let fragment = null, query = null;
  const h = s.indexOf('#');
  if (h >= 0) { fragment = s.slice(h + 1); s = s.slice(0, h); }
  const q = s.indexOf('?');
  if (q >= 0) { query = s.slice(q + 1); s = s.slice(0, q); }
  return [s, query, fragment];
}
// The URL record of `input` against an optional base record, or FAIL.
function parseRecord(input, base) {
  input = String(input).replace(/^[\x00-\x20]+|[\x00-\x20]+$/g, '').replace(/[\t\n\r]/g, '');
  const m = /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(input);
  const r = { scheme: '', username: '', password: '', host: null, port: '', path: [], opaque: null, query: null, fragment: null };
  let rest;
  if (m) {
    r.scheme = m[1].toLowerCase() + ':';
    rest = input.slice(m[0].length);
    const special = r.scheme in SPECIAL;
    if (special && base && base.scheme === r.scheme && !/^[/\\]/.test(rest) && r.scheme !== 'file:') return relative(rest, base, r);
    if (r.scheme === 'file:' && base && base.scheme === 'file:' && !/^[/\\]/.test(rest)) return relative(rest, base, r);
    if (r.scheme === 'file:') return /^[/\\]{2}/.test(rest) ? authority(rest.slice(2), r, true, rest) : authority(rest, r, false, rest);
    if (special) return authority(rest.replace(/^[/\\]*/, ''), r, true, rest);
    if (rest.startsWith('//')) return authority(rest.slice(2), r, true, rest);
    if (rest.startsWith('/')) { [rest, r.query, r.fragment] = splitTail(rest); parsePath(rest, false, r.path, r.scheme); return finishTail(r); }
    [rest, r.query, r.fragment] = splitTail(rest);
    r.opaque = percentEncode(rest, C0);
    return finishTail(r);
  }
  if (!base) return FAIL;
  if (base.opaque !== null) {
    if (!input.startsWith('#')) return FAIL;
    return Object.assign({}, base, { path: [], fragment: percentEncode(input.slice(1), FRAGMENT_SET) });
  }
  r.scheme = base.scheme;
  return relative(input, base, r);
}
function relative(rest, base, r) {
  const special = r.scheme in SPECIAL;
  const slash = special ? /^[/\\]/ : /^\//;
  if (slash.test(rest) && slash.test(rest.slice(1))) return authority(rest.slice(2), r, true, rest);
  r.username = base.username; r.password = base.password; r.host = base.host; r.port = base.port;
  let query, fragment;
  [rest, query, fragment] = splitTail(rest);
  r.fragment = fragment;
  if (slash.test(rest)) { parsePath(rest, special, r.path, r.scheme); r.query = query; return finishTail(r); }
  r.path = base.path.slice();
  if (rest === '') { r.query = query === null ? base.query : query; return finishTail(r, query === null); }
  r.path.pop();
  parsePath(rest, special, r.path, r.scheme);
  r.query = query;
  return finishTail(r);
}
// After the scheme's `//`: userinfo, host, port, then the path and the rest.
function authority(rest, r, hasAuthority, raw) {
  const special = r.scheme in SPECIAL;
  if (!hasAuthority) {
    r.host = '';
    let query, fragment;
    [rest, query, fragment] = splitTail(raw);
    parsePath(rest, true, r.path, r.scheme);
    r.query = query; r.fragment = fragment;
    return finishTail(r);
  }
  const end = rest.search(special ? /[/\\?#]/ : /[/?#]/);
  let auth = end < 0 ? rest : rest.slice(0, end);
  rest = end < 0 ? '' : rest.slice(end);
  const at = auth.lastIndexOf('@');
  if (at >= 0) {
    const info = auth.slice(0, at);
    auth = auth.slice(at + 1);
    const colon = info.indexOf(':');
    r.username = percentEncode(colon < 0 ? info : info.slice(0, colon), USERINFO_SET);
    r.password = colon < 0 ? '' : percentEncode(info.slice(colon + 1), USERINFO_SET);
    if (auth === '') return FAIL;
  }
  const pm = /:([^:\]]*)$/.exec(auth);
  if (pm) {
    auth = auth.slice(0, pm.index);
    if (!/^[0-9]*$/.test(pm[1])) return FAIL;
    if (pm[1] !== '') {
      const n = parseInt(pm[1], 10);
      if (n > 65535) return FAIL;
      r.port = String(n) === SPECIAL[r.scheme] ? '' : String(n);
    }
  }
  if (r.scheme === 'file:' && isDrive(auth + (pm ? ':' : ''))) { r.host = ''; r.port = ''; return authority(rest, r, false, (pm ? auth + ':' : auth) + rest); }
  if (r.scheme === 'file:') {
    if (r.username || r.password || r.port) return FAIL;
    const h = auth === '' ? '' : parseHost(auth, true);
    if (h === FAIL) return FAIL;
    r.host = h === 'localhost' ? '' : h;
  } else {
    if (auth === '') { if (special) return FAIL; r.host = ''; } else {
      const h = parseHost(auth, special);
      if (h === FAIL) return FAIL;
      r.host = h;
    }
  }
  let query, fragment;
  [rest, query, fragment] = splitTail(rest);
  parsePath(rest, special, r.path, r.scheme);
  if (special && r.path.length === 0) r.path.push('');
  r.query = query; r.fragment = fragment;
  return finishTail(r);
}
function finishTail(r, keepQuery) {
  const special = r.scheme in SPECIAL;
  if (r.query !== null && !keepQuery) r.query = percentEncode(r.query, special ? SPECIAL_QUERY_SET : QUERY_SET);
  if (r.fragment !== null) r.fragment = percentEncode(r.fragment, FRAGMENT_SET);
  if (special && r.opaque === null && r.path.length === 0) r.path.push('');
  return r;
}
const pathText = (r) => (r.opaque !== null ? r.opaque : r.path.length ? '/' + r.path.join('/') : '');
function hostText(r) { return r.host === null ? '' : r.host + (r.port ? ':' + r.port : ''); }
function serialize(r, noFragment) {
  let s = r.scheme;
  if (r.host !== null) {
    s += '//';
    if (r.username || r.password) s += r.username + (r.password ? ':' + r.password : '') + '@';
    s += hostText(r);
  } else if (r.opaque === null && r.path.length > 1 && r.path[0] === '') s += '/.';
  s += pathText(r);
  if (r.query !== null) s += '?' + r.query;
  if (!noFragment && r.fragment !== null) s += '#' + r.fragment;
  return s;
}

class URL {
  #r; #params = null;
  constructor(input, base) {
    if (arguments.length === 0) throw invalidArgType('url', 'string', undefined);
    let b;
    if (base !== undefined) {
      b = parseRecord(base instanceof URL ? base.href : String(base));
      if (b === FAIL) throw invalidUrl(String(input), String(base));
    }
    const r = parseRecord(input instanceof URL ? input.href : String(input), b);
    if (r === FAIL) throw invalidUrl(String(input), base === undefined ? undefined : String(base));
    this.#r = r;
  }
  static canParse(input, base) { try { new URL(input, base); return true; } catch (e) { return false; } }
  static createObjectURL() { throw new Error('URL.createObjectURL is not supported by mini-node'); }
  static revokeObjectURL() { throw new Error('URL.revokeObjectURL is not supported by mini-node'); }
  get href() { return serialize(this.#r); }
  set href(v) { const r = parseRecord(String(v)); if (r === FAIL) throw invalidUrl(String(v)); this.#r = r; this.#syncParams(); }
  get origin() {
    const r = this.#r;
    if (r.scheme === 'blob:') { try { return new URL(pathText(r)).origin; } catch (e) { return 'null'; } }
    return r.scheme in SPECIAL && r.scheme !== 'file:' ? `${r.scheme}//${hostText(r)}` : 'null';
  }
  get protocol() { return this.#r.scheme; }
  set protocol(v) {
    const m = /^([a-zA-Z][a-zA-Z0-9+.-]*)/.exec(String(v));
    if (!m) return;
    const scheme = m[1].toLowerCase() + ':';
    if ((scheme in SPECIAL) !== (this.#r.scheme in SPECIAL)) return;
    if (scheme === 'file:' && (this.#r.username || this.#r.password || this.#r.port)) return;
    this.#r.scheme = scheme;
    if (this.#r.port === SPECIAL[scheme]) this.#r.port = '';
  }
  get username() { return this.#r.username; }
  set username(v) { if (this.#r.host && this.#r.scheme !== 'file:') this.#r.username = percentEncode(String(v), USERINFO_SET); }
  get password() { return this.#r.password; }
  set password(v) { if (this.#r.host && this.#r.scheme !== 'file:') this.#r.password = percentEncode(String(v), USERINFO_SET); }
  get host() { return hostText(this.#r); }
  set host(v) {
    if (this.#r.opaque !== null) return;
    const r = parseRecord(`${this.#r.scheme}//${String(v).split(/[/?#\\]/)[0]}/`);
    if (r === FAIL || r.host === '' && this.#r.scheme in SPECIAL && this.#r.scheme !== 'file:') return;
    this.#r.host = r.host;
    if (/:/.test(String(v).replace(/\[.*\]/, ''))) this.#r.port = r.port;
  }
  get hostname() { return this.#r.host === null ? '' : this.#r.host; }
  set hostname(v) {
    if (this.#r.opaque !== null) return;
    const r = parseRecord(`${this.#r.scheme}//${String(v).split(/[/?#:\\]/)[0]}/`);
    if (r !== FAIL) this.#r.host = r.host;
  }
  get port() { return this.#r.port; }
  set port(v) {
    const r = this.#r;
    if (r.host === null || r.host === '' || r.scheme === 'file:') return;
    const s = String(v);
    if (s === '') { r.port = ''; return; }
    const m = /^[0-9]+/.exec(s);
    if (!m || parseInt(m[0], 10) > 65535) return;
    const n = String(parseInt(m[0], 10));
    r.port = n === SPECIAL[r.scheme] ? '' : n;
  }
  get pathname() { return pathText(this.#r); }
  set pathname(v) {
    const r = this.#r;
    if (r.opaque !== null) return;
    r.path = [];
    parsePath(String(v), r.scheme in SPECIAL, r.path, r.scheme);
    if (r.scheme in SPECIAL && r.path.length === 0) r.path.push('');
  }
  get search() { const q = this.#r.query; return q === null || q === '' ? '' : '?' + q; }
  set search(v) {
    let s = String(v);
    if (s.startsWith('?')) s = s.slice(1);
    this.#r.query = s === '' && String(v) === '' ? null : percentEncode(s, this.#r.scheme in SPECIAL ? SPECIAL_QUERY_SET : QUERY_SET);
    this.#syncParams();
  }
  get searchParams() {
    if (this.#params === null) {
      this.#params = new URLSearchParams(this.#r.query || '');
      paramsOwner.set(this.#params, (text) => { this.#r.query = text === '' ? null : text; });
    }
    return this.#params;
  }
  get hash() { const f = this.#r.fragment; return f === null || f === '' ? '' : '#' + f; }
  set hash(v) {
    let s = String(v);
    if (s === '') { this.#r.fragment = null; return; }
    if (s.startsWith('#')) s = s.slice(1);
    this.#r.fragment = percentEncode(s, FRAGMENT_SET);
  }
  toString() { return this.href; }
  toJSON() { return this.href; }
  #syncParams() { if (this.#params !== null) paramsReplace(this.#params, this.#r.query || ''); }
  get [Symbol.toStringTag]() { return 'URL'; }
  [kInspectCustom](depth, opts) {
    if (typeof depth === 'number' && depth < 0) return this;
    const obj = {};
    for (const k of ['href', 'origin', 'protocol', 'username', 'password', 'host', 'hostname', 'port', 'pathname', 'search', 'searchParams', 'hash']) obj[k] = this[k];
    return `${this.constructor.name} ${inspect(obj, opts)}`;
  }
}

// ---------------------------------------------------------------- URLSearchParams
// application/x-www-form-urlencoded: `+` is a space, everything but *-._ and alphanumerics
// percent-encoded as utf-8.
function formEncode(s) {
  let out = '';
  for (const b of new Uint8Array(enc(String(s)))) {
    if (b === 0x20) out += '+';
    else if ((b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5a) || (b >= 0x61 && b <= 0x7a) || b === 0x2a || b === 0x2d || b === 0x2e || b === 0x5f) out += String.fromCharCode(b);
    else out += '%' + b.toString(16).toUpperCase().padStart(2, '0');
  }
  return out;
}
const formDecode = (s) => percentDecode(s.replace(/\+/g, ' '));
function formParse(text) {
  const list = [];
  for (const part of text.split('&')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    list.push(eq < 0 ? [formDecode(part), ''] : [formDecode(part.slice(0, eq)), formDecode(part.slice(eq + 1))]);
  }
  return list;
}
const paramsOwner = new WeakMap();
const paramsLists = new WeakMap();
function paramsReplace(p, text) { paramsLists.set(p, formParse(text)); }
class URLSearchParams {
  constructor(init = '') {
    let list = [];
    if (typeof init === 'object' && init !== null) {
      if (typeof init[Symbol.iterator] === 'function') {
        for (const pair of init) {
          const kv = Array.from(pair);
          if (kv.length !== 2) throw nodeError(TypeError, 'ERR_INVALID_TUPLE', 'Each query pair must be an iterable [name, value] tuple');
          list.push([String(kv[0]), String(kv[1])]);
        }
      } else for (const k of Object.keys(init)) list.push([k, String(init[k])]);
    } else {
      let s = String(init);
      if (s.startsWith('?')) s = s.slice(1);
      list = formParse(s);
    }
    paramsLists.set(this, list);
  }
  #list() { return paramsLists.get(this); }
  #update() { const set = paramsOwner.get(this); if (set) set(this.toString()); }
  get size() { return this.#list().length; }
  append(name, value) { this.#list().push([String(name), String(value)]); this.#update(); }
  delete(name, value) {
    name = String(name);
    paramsLists.set(this, this.#list().filter(([k, v]) => !(k === name && (value === undefined || v === String(value)))));
    this.#update();
  }
  get(name) { const e = this.#list().find(([k]) => k === String(name)); return e ? e[1] : null; }
  getAll(name) { return this.#list().filter(([k]) => k === String(name)).map(([, v]) => v); }
  has(name, value) { name = String(name); return this.#list().some(([k, v]) => k === name && (value === undefined || v === String(value))); }
  set(name, value) {
    name = String(name); value = String(value);
    const list = this.#list();
    const i = list.findIndex(([k]) => k === name);
    if (i < 0) list.push([name, value]);
    else { list[i][1] = value; paramsLists.set(this, list.filter(([k], j) => j <= i || k !== name)); }
    this.#update();
  }
  sort() {
    const list = this.#list();
    list.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    this.#update();
  }
  forEach(fn, thisArg) {
    if (typeof fn !== 'function') throw invalidArgType('callback', 'function', fn);
    for (const [k, v] of this.#list()) fn.call(thisArg, v, k, this);
  }
  *keys() { for (const [k] of this.#list()) yield k; }
  *values() { for (const [, v] of this.#list()) yield v; }
  *entries() { for (const [k, v] of this.#list()) yield [k, v]; }
  [Symbol.iterator]() { return this.entries(); }
  toString() { return this.#list().map(([k, v]) => formEncode(k) + '=' + formEncode(v)).join('&'); }
  get [Symbol.toStringTag]() { return 'URLSearchParams'; }
  [kInspectCustom](depth, opts = {}) {
    if (typeof depth === 'number' && depth < 0) return '[Object]';
    const inner = Object.assign({}, opts, depth === null || depth === undefined ? {} : { depth: depth - 1 });
    const output = this.#list().map(([k, v]) => `${inspect(k, inner)} => ${inspect(v, inner)}`);
    const length = output.reduce((n, s) => n + s.length + 2, -2);
    if (length > (opts.breakLength || 80)) return `${this.constructor.name} {\n  ${output.join(',\n  ')} }`;
    return output.length ? `${this.constructor.name} { ${output.join(', ')} }` : `${this.constructor.name} {}`;
  }
}
// `require('url')`: the WHATWG classes and the file-path helpers; the legacy url.parse is not
// provided.
const urlModule = {
  URL, URLSearchParams,
  fileURLToPath(u) {
    const url = typeof u === 'string' ? new URL(u) : u;
    if (!(url instanceof URL)) throw invalidArgType('path', 'string or an instance of URL', u);
    if (url.protocol !== 'file:') throw nodeError(TypeError, 'ERR_INVALID_URL_SCHEME', 'The URL must be of scheme file');
    if (url.hostname !== '') throw nodeError(TypeError, 'ERR_INVALID_FILE_URL_HOST', 'File URL host must be "localhost" or empty on linux');
    if (/%2f/i.test(url.pathname)) throw nodeError(TypeError, 'ERR_INVALID_FILE_URL_PATH', 'File URL path must not include encoded / characters');
    return percentDecode(url.pathname);
  },
  pathToFileURL(p) {
    const abs = path.resolve(String(p)) + (String(p).endsWith('/') && p !== '/' ? '/' : '');
    return new URL('file://' + percentEncode(abs, (c) => PATH_SET(c) || c === 0x25 || c === 0x23 || c === 0x3f));
  },
  parse() { throw new Error('url.parse (the legacy API) is not supported by mini-node; use new URL()'); },
  format(u) { if (u instanceof URL) return u.href; throw new Error('url.format of a legacy object is not supported by mini-node; use new URL()'); },
  resolve(from, to) { const r = new URL(to, new URL(from, 'resolve://')); return r.protocol === 'resolve:' ? r.href.slice('resolve://'.length) : r.href; },
};
module.exports = { URL, URLSearchParams, urlModule };
