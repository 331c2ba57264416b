// list.js: what a runtime provides of node v20's library, one line per module and per top-level
// name, for docs/compat.md. Run by `node` (tests/compat/gen.sh records node.txt from node v20) and
// by `mini-node run` (tests/compat.rs checks the page against it on every `cargo test`).
//
// Output (tab-separated, sorted, deterministic):
//   M <module> provided                 require(<module>) works
//   M <module> refused <message>        require(<module>) throws <message>
//   N <module> <name> <type>            a top-level export: function / class / object / value
//   N <module> <name> refused <message> calling it (or reading it) throws mini-node's refusal
// Globals are listed as the module `(globals)`. Names starting with `_` are left out.
// It calls a function only when its source is one of mini-node's refusals (`notProvided`), which
// throws at once; nothing else is called.
'use strict';

// require('module').builtinModules of node v20 (mini-node refuses `module`, so the list is here;
// under node it is checked against the real one).
const MODULES = ['_http_agent', '_http_client', '_http_common', '_http_incoming', '_http_outgoing', '_http_server',
  '_stream_duplex', '_stream_passthrough', '_stream_readable', '_stream_transform', '_stream_wrap', '_stream_writable',
  '_tls_common', '_tls_wrap', 'assert', 'assert/strict', 'async_hooks', 'buffer', 'child_process', 'cluster',
  'console', 'constants', 'crypto', 'dgram', 'diagnostics_channel', 'dns', 'dns/promises', 'domain', 'events', 'fs',
  'fs/promises', 'http', 'http2', 'https', 'inspector', 'inspector/promises', 'module', 'net', 'os', 'path',
  'path/posix', 'path/win32', 'perf_hooks', 'process', 'punycode', 'querystring', 'readline', 'readline/promises',
  'repl', 'stream', 'stream/consumers', 'stream/promises', 'stream/web', 'string_decoder', 'sys', 'timers',
  'timers/promises', 'tls', 'trace_events', 'tty', 'url', 'util', 'util/types', 'v8', 'vm', 'wasi',
  'worker_threads', 'zlib'];

// the globals a course's snippets use
const GLOBALS = ['AbortController', 'AbortSignal', 'Blob', 'BroadcastChannel', 'Buffer', 'DOMException', 'Event',
  'EventTarget', 'FormData', 'Headers', 'Intl', 'MessageChannel', 'Request', 'Response', 'TextDecoder',
  'TextEncoder', 'URL', 'URLSearchParams', 'WebAssembly', '__dirname', '__filename', 'atob', 'btoa',
  'clearImmediate', 'clearInterval', 'clearTimeout', 'console', 'crypto', 'exports', 'fetch', 'global',
  'globalThis', 'module', 'performance', 'process', 'queueMicrotask', 'require', 'setImmediate', 'setInterval',
  'setTimeout', 'structuredClone'];

const lines = [];
const oneLine = (s) => String(s).replace(/\s+/g, ' ').trim();
const errorText = (e) => oneLine(e && e.message !== undefined ? e.message : e);
const isRefusal = (e) => e instanceof Error &&
  ((typeof e.code === 'string' && e.code.startsWith('ERR_MINI_NODE')) || /(not provided|not supported) by mini-node/.test(e.message));
// what a refusal says; a refusal that throws its error factory instead of the error is named so
function refusalText(e) {
  if (typeof e === 'function' && refusalSource(e)) {
    try { e(); } catch (inner) { if (isRefusal(inner)) return `${errorText(inner)} [BUG: throws a function, not this error]`; }
  }
  return isRefusal(e) ? errorText(e) : undefined;
}

function typeOf(v) {
  if (typeof v === 'function') {
    let src = '';
    try { src = Function.prototype.toString.call(v); } catch { /* a revoked proxy */ }
    return /^class\b/.test(src) ? 'class' : 'function';
  }
  if (v !== null && typeof v === 'object') return 'object';
  return 'value';
}

// a mini-node refusal: a short function whose body throws its `not provided` error
function refusalSource(fn) {
  let src = '';
  try { src = Function.prototype.toString.call(fn); } catch { return false; }
  return src.length < 400 &&
    (/notProvided\(|is not provided by mini-node|=> refuse\(\)/.test(src) || /^[^{]*\{\s*throw new Error\(['"`][^'"`]*not supported by mini-node/.test(src));
}

const pending = [];
function listName(mod, obj, name) {
  const row = (what) => lines.push(`N\t${mod}\t${name}\t${what}`);
  let value;
  try {
    value = obj[name];
  } catch (e) {
    const text = refusalText(e);
    row(text !== undefined ? `refused\t${text}` : 'object');
    return;
  }
  if (typeof value === 'function' && refusalSource(value)) {
    let result;
    try {
      result = value();
    } catch (e) {
      const text = refusalText(e);
      row(text !== undefined ? `refused\t${text}` : typeOf(value));
      return;
    }
    if (result && typeof result.then === 'function') {
      pending.push(result.then(() => row(typeOf(value)), (e) => { const text = refusalText(e); row(text !== undefined ? `refused\t${text}` : typeOf(value)); }));
      return;
    }
  }
  row(typeOf(value));
}

const SKIP_OWN = new Set(['length', 'name', 'prototype', 'caller', 'arguments']);
function listModule(mod, exp) {
  if (exp === null || (typeof exp !== 'object' && typeof exp !== 'function')) return;
  const names = Object.getOwnPropertyNames(exp)
    .filter((n) => !n.startsWith('_') && !(typeof exp === 'function' && SKIP_OWN.has(n)));
  for (const n of names) listName(mod, exp, n);
}

for (const mod of MODULES) {
  let exp;
  try {
    exp = require(mod);
  } catch (e) {
    lines.push(`M\t${mod}\trefused\t${errorText(e)}`);
    continue;
  }
  lines.push(`M\t${mod}\tprovided`);
  listModule(mod, exp);
}
// the module scope's own names, as a snippet sees them
const local = { __dirname, __filename, exports, module, require };
lines.push('M\t(globals)\tprovided');
for (const name of GLOBALS) {
  if (Object.prototype.hasOwnProperty.call(local, name)) lines.push(`N\t(globals)\t${name}\t${typeOf(local[name])}`);
  else if (name in globalThis) listName('(globals)', globalThis, name);
}

if (typeof require('process').versions.node === 'string' && !require('process').versions.mininode) {
  try {
    const real = require('module').builtinModules.filter((m) => !m.startsWith('node:'));
    const extra = real.filter((m) => !MODULES.includes(m));
    const gone = MODULES.filter((m) => !real.includes(m));
    if (extra.length || gone.length) process.stderr.write(`builtinModules differ from list.js's MODULES: +${extra} -${gone}\n`);
  } catch { /* not node */ }
}

Promise.all(pending).then(() => {
  const key = (l) => l.split('\t').slice(1, 3).join('\t') + (l[0] === 'M' ? '' : '\t');
  lines.sort((a, b) => {
    const [ma, mb] = [a.split('\t')[1], b.split('\t')[1]];
    if (ma !== mb) return ma < mb ? -1 : 1;
    if (a[0] !== b[0]) return a[0] === 'M' ? -1 : 1;
    return key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0;
  });
  process.stdout.write(lines.join('\n') + '\n');
});
