// mini-node's JavaScript side of the Node host: console and util.inspect, timers objects,
// process, require('fs' | 'path' | 'os' | 'util' | 'events' | 'timers' ...), error reports.
// It queues nothing itself: every timer, immediate, nextTick and fs request is handed to the
// Rust scheduler through `mn` (the native bridge), which decides when each callback runs.
(function (mn, global) {
  'use strict';
  const SCRIPT = mn.filename;
  // id -> record, for everything the scheduler will call back. A plain object: QuickJS hashes
  // small integer Map keys badly, while integer property keys are cheap.
  class CallbackStore {
    constructor() { this.o = Object.create(null); }
    get(id) { return this.o[id]; }
    set(id, v) { this.o[id] = v; }
    delete(id) { delete this.o[id]; }
  }
  const callbacks = new CallbackStore();
  // Immediates and nextTicks run in the order they were queued (the scheduler keeps the same
  // order), so their records wait in plain FIFO arrays.
  class Fifo {
    constructor() { this.items = []; this.head = 0; }
    push(v) { this.items.push(v); }
    // the record with this id; the ones before it were cancelled
    take(id) {
      const items = this.items;
      while (this.head < items.length) {
        const v = items[this.head];
        items[this.head++] = undefined;
        if (v._id === id) { this.compact(); return v; }
      }
      this.compact();
      return undefined;
    }
    compact() {
      if (this.head >= 1024 && this.head * 2 >= this.items.length) {
        this.items = this.items.slice(this.head);
        this.head = 0;
      }
    }
  }
  // QuickJS lets a new object reuse the shape (property layout) of earlier ones built the same way
  // only while some object still has each intermediate shape; without one, every function and
  // every Timeout builds and frees shapes of its own. These objects keep them alive.
  const shapes = [];
  mn.shapes = shapes; // (mn lives as long as the runtime)
  // one object per step of the way `sample` was built (its properties in order)
  function keepShapesOf(sample) {
    const proto = Object.getPrototypeOf(sample);
    const names = Object.keys(sample);
    for (let k = 0; k <= names.length; k++) {
      const o = Object.create(proto);
      for (let j = 0; j < k; j++) o[names[j]] = undefined;
      shapes.push(o);
    }
  }
  {
    // functions: (no properties), length, then name, both only configurable
    shapes.push(Object.create(Function.prototype));
    const o = Object.create(Function.prototype);
    Object.defineProperty(o, 'length', { value: 0, configurable: true });
    shapes.push(o, {}, Promise.resolve());
  }
  const tickQueue = new Fifo();
  let nextId = 1;
  const record = mn.record;

  // ---------------------------------------------------------------- stack traces, node style
  const MAIN_FRAMES = [
    'Module._compile (node:internal/modules/cjs/loader:1521:14)',
    'Module._extensions..js (node:internal/modules/cjs/loader:1623:10)',
    'Module.load (node:internal/modules/cjs/loader:1266:32)',
    'Module._load (node:internal/modules/cjs/loader:1091:12)',
    'Function.executeUserEntryPoint [as runMain] (node:internal/modules/run_main:164:12)',
    'node:internal/main/run_main_module:28:49',
  ];
  // The runner functions of this file stand for node's internal frames.
  const RUNNER_FRAMES = {
    __mainModule: { rename: 'Object.<anonymous>', frames: MAIN_FRAMES },
    __requireModule: { rename: 'Object.<anonymous>', frames: [] },
    __runTimer: { timer: true, frames: ['listOnTimeout (node:internal/timers:581:17)', 'process.processTimers (node:internal/timers:519:7)'] },
    __runTimerArgs: { timer: true, frames: ['listOnTimeout (node:internal/timers:583:11)', 'process.processTimers (node:internal/timers:519:7)'] },
    __runImmediate: { immediate: true, frames: ['process.processImmediate (node:internal/timers:483:21)'] },
    __runTick: { frames: ['process.processTicksAndRejections (node:internal/process/task_queues:77:11)'] },
    __runTicks: { frames: ['process.processTicksAndRejections (node:internal/process/task_queues:77:11)'] },
    __runMicrotask: { frames: ['node:internal/process/task_queues:140:7', 'AsyncResource.runInAsyncScope (node:async_hooks:206:9)', 'AsyncResource.runMicrotask (node:internal/process/task_queues:137:8)'] },
    __runReadFile: { frames: ['FSReqCallback.readFileAfterClose [as oncomplete] (node:internal/fs/read/context:68:3)'] },
    __runFs: { frames: ['FSReqCallback.oncomplete (node:fs:187:23)'] },
  };
  const mainHeader = mn.headerLength;
  let srcLinesCache = null;
  function scriptLine(n) {
    if (srcLinesCache === null) srcLinesCache = mn.source.split(/\r?\n/);
    return srcLinesCache[n - 1];
  }
  // A name that fails to resolve right after `new` (`new Nope()`): V8 points at `new`.
  function v8Column(file, line, col) {
    if (file !== SCRIPT) return col;
    const text = scriptLine(line);
    if (text === undefined) return col;
    const m = text.slice(0, col - 1).match(/new\s+$/);
    return m ? col - m[0].length : col;
  }
  // A column QuickJS reports on the script's first line, which it shares with the wrapper.
  function firstLineColumn(col) {
    col -= mainHeader;
    return col < 1 ? 1 : col;
  }
  function frameText(cs) {
    const file = cs.getFileName();
    const line = cs.getLineNumber();
    let col = cs.getColumnNumber();
    if (line === 1 && file === SCRIPT) col = firstLineColumn(col);
    col = v8Column(file, line, col);
    const loc = `${file}:${line}:${col}`;
    const name = frameName(cs);
    return name ? `${name} (${loc})` : loc;
  }
  // V8's name for a frame (its CallSiteInfo serialisation): `new F` for a construct call;
  // for a method call `Type.f [as key]`: the receiver's type (a class for a static method), then
  // the function's name, then the property that held the function when the name does not end it.
  function frameName(cs) {
    const name = cs.getFunctionName();
    if (cs.isConstructor()) return `new ${name || '<anonymous>'}`;
    const recv = cs.getThis();
    const type = receiverType(recv);
    if (type === null) return name;
    let method = null;
    try {
      method = methodNameOf(recv, cs.getFunction(), name);
    } catch (e) {
      return name;
    }
    if (name) {
      let text = type && IDENTIFIER.test(name) && name !== type ? `${type}.${name}` : name;
      if (method && method !== name && !name.endsWith('.' + method)) text += ` [as ${method}]`;
      return text;
    }
    return `${type ? type + '.' : ''}${method || '<anonymous>'}`;
  }
  // A built-in's frame as V8 shows it (`Array.forEach (<anonymous>)`, `new Promise (<anonymous>)`);
  // null for those V8 leaves out of its stacks (call, apply, Reflect.apply ...).
  const HIDDEN_NATIVES = new Set([Function.prototype.call, Function.prototype.apply, Reflect.apply, Reflect.construct]);
  function nativeFrameText(cs) {
    const fn = cs.getFunction();
    const name = cs.getFunctionName();
    if (!name || HIDDEN_NATIVES.has(fn) || name.startsWith('bound ')) return null;
    if (cs.isConstructor()) return `new ${name} (<anonymous>)`;
    const type = receiverType(cs.getThis());
    return `${type ? type + '.' : ''}${name} (<anonymous>)`;
  }
  // The type V8 names a method call's receiver by; null for a plain call (no receiver, the
  // global object) or a receiver that cannot be inspected.
  function receiverType(recv) {
    if (recv === undefined || recv === null || recv === globalThis) return null;
    try {
      return typeNameOf(recv);
    } catch (e) {
      return null;
    }
  }
  const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;
  const fnToString = Function.prototype.toString;
  // V8's constructor name: the class for a class receiver, else the first string
  // Symbol.toStringTag or named constructor (other than Object) up the prototype chain.
  function typeNameOf(recv) {
    if (typeof recv === 'function' && recv.name && /^class\b/.test(fnToString.call(recv))) return recv.name;
    const obj = Object(recv);
    for (let o = obj; o !== null; o = Object.getPrototypeOf(o)) {
      const tag = Object.getOwnPropertyDescriptor(o, Symbol.toStringTag);
      if (tag && typeof tag.value === 'string') return tag.value;
      if (o !== obj) {
        const c = Object.getOwnPropertyDescriptor(o, 'constructor');
        if (c && typeof c.value === 'function' && c.value.name && c.value.name !== 'Object') return c.value.name;
      }
    }
    return typeof recv === 'function' ? 'Function' : Array.isArray(recv) ? 'Array' : 'Object';
  }
  // The property of the receiver (or a prototype) holding `fn`: its own name first (without a
  // get/set prefix), else the one enumerable string key that holds it.
  function methodNameOf(recv, fn, name) {
    if (typeof fn !== 'function') return null;
    const holds = (d) => d !== undefined && (d.value === fn || d.get === fn || d.set === fn);
    const obj = Object(recv);
    const key = name ? name.replace(/^[gs]et /, '') : '';
    if (key) {
      for (let o = obj; o !== null; o = Object.getPrototypeOf(o)) {
        const d = Object.getOwnPropertyDescriptor(o, key);
        if (d !== undefined) {
          if (holds(d)) return key;
          break;
        }
      }
    }
    let found = null;
    for (let o = obj; o !== null; o = Object.getPrototypeOf(o)) {
      for (const k of Object.getOwnPropertyNames(o)) {
        if (/^(?:0|[1-9]\d*)$/.test(k)) continue; // array elements are not V8 property keys
        const d = Object.getOwnPropertyDescriptor(o, k);
        if (!d.enumerable || !holds(d) || k === found) continue;
        if (found !== null) return null;
        found = k;
      }
    }
    return found;
  }
  // QuickJS's wording of the common runtime errors, in V8's words.
  const V8_MESSAGES = [
    [/^cannot read property '(.*)' of (null|undefined)$/, (m) => `Cannot read properties of ${m[2]} (reading '${m[1]}')`],
    [/^cannot set property '(.*)' of (null|undefined)$/, (m) => `Cannot set properties of ${m[2]} (setting '${m[1]}')`],
    [/^'(.*)' is not defined$/, (m) => `${m[1]} is not defined`],
    [/^(.*) is not a function$/, (m) => `${m[1]} is not a function`],
    [/^not a function$/, () => 'not a function'],
    [/^'(.*)' is read-only$/, () => 'Assignment to constant variable.'],
    [/^lexical variable is not initialized$/, () => 'Cannot access variable before initialization'],
  ];
  function v8ify(err) {
    if (err === null || typeof err !== 'object') return;
    const d = Object.getOwnPropertyDescriptor(err, 'message');
    if (!d || typeof d.value !== 'string') return;
    if (err.message === 'stack overflow' && err.name === 'InternalError') {
      Object.setPrototypeOf(err, RangeError.prototype);
      err.message = 'Maximum call stack size exceeded';
      return;
    }
    for (const [re, f] of V8_MESSAGES) {
      const m = d.value.match(re);
      if (m) { err.message = f(m); return; }
    }
  }
  // QuickJS says only "not a function": V8 names the callee, read here from the source.
  function nameCallee(err, callsites) {
    if (!(err instanceof TypeError) || !/^(?:[\w$.]+ is )?not a (?:function|constructor)$/.test(err.message)) return;
    // thrown inside a built-in (`[1].map(3)`): V8 names the value, which is not known here
    if (callsites.length > 0 && callsites[0].isNative && callsites[0].isNative()) return;
    const cs = callsites.find((c) => c.getFileName() === SCRIPT);
    if (!cs) return;
    const line = cs.getLineNumber();
    let col = cs.getColumnNumber();
    if (line === 1) col = firstLineColumn(col);
    const text = scriptLine(line);
    if (text === undefined) return;
    let callee = null;
    const ctor = text.slice(col - 1).match(/^new\s+([A-Za-z_$][\w$.]*)/);
    if (ctor) {
      err.message = `${ctor[1]} is not a constructor`;
      return;
    }
    // A method call: V8 prints the receiver as its CallPrinter does (`g(...).m`, `{}.m`). The
    // engine places the call at the method's name, or at its '(' after a keyword (`.catch(`).
    let start = col - 1;
    if (text[start] === '(') {
      const kw = text.slice(0, start).match(/([A-Za-z_$][\w$]*)\s*$/);
      if (kw) start -= kw[0].length;
    }
    const name = text.slice(start).match(/^([A-Za-z_$][\w$]*)\s*\(/);
    if (name && /^(?:[\w$.]+ is )?not a function$/.test(err.message)) {
      const dot = text.slice(0, start).match(/(\?\.|\.)\s*$/);
      const recv = dot ? printReceiver(text.slice(0, start - dot[0].length)) : null;
      if (recv !== null) {
        err.message = `${recv}${dot[1]}${name[1]} is not a function`;
        return;
      }
    }
    if (err.message !== 'not a function') return;
    {
      const m = text.slice(col - 1).match(/^[\w$]*(?=\s*\()/);
      if (m) {
        const end = col - 1 + m[0].length;
        const back = text.slice(0, end).match(/[A-Za-z_$][\w$.]*$/);
        if (back) callee = back[0];
      }
    }
    if (callee) err.message = `${callee} is ${err.message}`;
  }
  // The expression that ends `src` (a method call's receiver), printed as V8's CallPrinter prints
  // it: arguments as `(...)`, `['k']` as `.k`, a non-empty object literal and `new X()` as
  // `(intermediate value)`, strings in double quotes. null when it cannot be read back.
  // (a bracket after one of these opens an expression; after a name it is a call or an index)
  const AFTER_KEYWORD = /\b(?:return|typeof|void|await|in|of|case|delete|throw|yield|else|do)$/;
  function printReceiver(src) {
    let i = src.length;
    const parts = [];
    // the text of the bracketed group that ends at i - 1 (`)`, `]`, `}`), from its opener
    const group = () => {
      const close = src[i - 1];
      const open = { ')': '(', ']': '[', '}': '{' }[close];
      let depth = 0;
      for (let j = i - 1; j >= 0; j--) {
        const c = src[j];
        if (c === '"' || c === "'" || c === '`') {
          // a string inside: skip back to its opening quote
          j = src.lastIndexOf(c, j - 1);
          if (j < 0) return null;
          continue;
        }
        if (c === close) depth++;
        else if (c === open && --depth === 0) {
          const g = src.slice(j, i);
          i = j;
          return g;
        }
      }
      return null;
    };
    for (;;) {
      while (i > 0 && src[i - 1] === ' ') i--;
      if (i === 0) return null;
      const c = src[i - 1];
      let m;
      if (c === ')') {
        const g = group();
        if (g === null) return null;
        const before = src.slice(0, i).trimEnd();
        if (!AFTER_KEYWORD.test(before) && /[\w$\])]$/.test(before)) { parts.unshift('(...)'); continue; } // a call
        if (/\bnew\s*$/.test(before)) return null;
        // parenthesized: an object literal prints as below, anything else as written
        const inner = g.slice(1, -1).trim();
        if (/^\{[^]*\}$/.test(inner)) return (/^\{\s*\}$/.test(inner) ? '{}' : '{(intermediate value)}') + parts.join('');
        return g + parts.join('');
      }
      if (c === ']') {
        const g = group();
        if (g === null) return null;
        const before = src.slice(0, i).trimEnd();
        if (!AFTER_KEYWORD.test(before) && /[\w$\])]$/.test(before)) {
          const k = g.slice(1, -1).trim().match(/^(['"])([A-Za-z_$][\w$]*)\1$/);
          parts.unshift(k ? `.${k[2]}` : g);
          continue;
        }
        // an array literal: V8 prints simple elements without spaces
        const items = g.slice(1, -1).trim();
        if (items === '') return '[]' + parts.join('');
        const els = items.split(',').map((e) => e.trim());
        if (!els.every((e) => /^(?:-?\d+(?:\.\d+)?|[A-Za-z_$][\w$]*)$/.test(e))) return null;
        return `[${els.join(',')}]` + parts.join('');
      }
      if (c === '}') {
        const g = group();
        if (g === null) return null;
        return (/^\{\s*\}$/.test(g) ? '{}' : '{(intermediate value)}') + parts.join('');
      }
      if (c === "'" || c === '"' || c === '`') {
        const j = src.lastIndexOf(c, i - 2);
        if (j < 0) return null;
        const body = src.slice(j + 1, i - 1);
        if (/["'`\\]|\$\{/.test(body)) return null;
        i = j;
        return `"${body}"` + parts.join('');
      }
      if ((m = src.slice(0, i).match(/(\?\.|\.)\s*([A-Za-z_$][\w$]*)$/))) {
        parts.unshift(m[1] + m[2]);
        i -= m[0].length;
        continue;
      }
      if ((m = src.slice(0, i).match(/[A-Za-z_$][\w$]*$/))) {
        const before = src.slice(0, i - m[0].length).trimEnd();
        // `new X(...)`, `new a.B(...)`: the new object is an intermediate value
        if (/\bnew$/.test(before)) {
          const args = parts.indexOf('(...)');
          return args < 0 ? null : '(intermediate value)' + parts.slice(args + 1).join('');
        }
        if (/^(?:new|typeof|void|await|return)$/.test(m[0])) return null;
        // a primary expression: it must start the expression (after an operator or `(`)
        if (before !== '' && !/[=(,;:?!&|+\-*\/%<>{[]$|\breturn$|=>$/.test(before)) return null;
        return m[0] + parts.join('');
      }
      return null;
    }
  }
  function prepareStackTrace(err, callsites) {
    try { v8ify(err); nameCallee(err, callsites); } catch (e) { /* keep QuickJS's words */ }
    let head;
    try { head = errorHeader(err); } catch (e) { head = 'Error'; }
    const lines = [];
    let lastUser = null;
    for (let i = 0; i < callsites.length; i++) {
      const cs = callsites[i];
      const file = cs.getFileName();
      if (file === 'node:mini-node') {
        const fname = cs.getFunctionName();
        const r = RUNNER_FRAMES[fname];
        if (r === undefined) continue;
        if (lastUser !== null && lines.length > 0) {
          const pname = lastUser.getFunctionName();
          const loc = lines[lines.length - 1].replace(/^[^(]*\(/, '').replace(/\)$/, '');
          if (r.rename) lines[lines.length - 1] = `${r.rename} (${loc})`;
          else if (r.timer) lines[lines.length - 1] = `Timeout.${pname ? pname + ' [as _onTimeout]' : '_onTimeout'} (${loc})`;
          else if (r.immediate) lines[lines.length - 1] = `Immediate.${pname || '<anonymous>'} (${loc})`;
        }
        for (const f of r.frames) lines.push(f);
        break;
      }
      if (cs.isNative()) {
        const text = nativeFrameText(cs);
        if (text !== null) lines.push(text);
        continue;
      }
      if (file === undefined || file === null || file === '<null>') continue;
      lines.push(frameText(cs));
      lastUser = cs;
    }
    const limit = typeof Error.stackTraceLimit === 'number' ? Error.stackTraceLimit : 10;
    const kept = lines.slice(0, limit);
    return kept.length ? head + '\n    at ' + kept.join('\n    at ') : head;
  }
  function errorHeader(err) {
    if (err === null || typeof err !== 'object') return String(err);
    let name = err.name;
    let msg = err.message;
    name = name === undefined ? 'Error' : String(name);
    msg = msg === undefined ? '' : String(msg);
    if (!name) return msg;
    if (!msg) return name;
    return `${name}: ${msg}`;
  }
  Error.prepareStackTrace = prepareStackTrace;
  Error.stackTraceLimit = 10;

  // Line of the script that called into the host (for trace labels); only when events are recorded.
  function callerLine() {
    if (!record) return 0;
    const saved = Error.prepareStackTrace;
    Error.prepareStackTrace = (e, cs) => cs;
    const o = {};
    Error.captureStackTrace(o);
    const cs = o.stack;
    Error.prepareStackTrace = saved;
    if (!Array.isArray(cs)) return 0;
    for (const c of cs) {
      const f = c.getFileName();
      if (f && f !== 'node:mini-node') return c.getLineNumber() || 0;
    }
    return 0;
  }

  // ---------------------------------------------------------------- util.inspect
  const kObjectType = 0, kArrayType = 1, kArrayExtrasType = 2;
  const identRe = /^[a-zA-Z_][a-zA-Z_0-9]*$/;
  const metaChars = { '\n': '\\n', '\t': '\\t', '\r': '\\r', '\b': '\\b', '\f': '\\f', '\v': '\\v', '\\': '\\\\' };
  function strEscape(str) {
    let quote = "'";
    if (str.includes("'")) {
      if (!str.includes('"')) quote = '"';
      else if (!str.includes('`') && !str.includes('${')) quote = '`';
    }
    let out = '';
    for (const ch of str) {
      if (ch === quote) out += '\\' + ch;
      else if (metaChars[ch] !== undefined) out += metaChars[ch];
      else {
        const c = ch.codePointAt(0);
        if (c < 0x20 || c === 0x7f) out += '\\x' + c.toString(16).toUpperCase().padStart(2, '0');
        else out += ch;
      }
    }
    return quote + out + quote;
  }
  function formatNumber(n) { return Object.is(n, -0) ? '-0' : String(n); }
  function formatPrimitive(v, ctx) {
    switch (typeof v) {
      case 'string': return strEscape(v);
      case 'number': return formatNumber(v);
      case 'bigint': return `${v}n`;
      case 'boolean': return String(v);
      case 'undefined': return 'undefined';
      case 'symbol': return v.toString();
    }
    return String(v);
  }
  function getCtorName(obj) {
    let o = obj;
    while (o !== null && o !== undefined) {
      const d = Object.getOwnPropertyDescriptor(o, 'constructor');
      if (d !== undefined && typeof d.value === 'function' && d.value.name !== '') return d.value.name;
      o = Object.getPrototypeOf(o);
    }
    return null;
  }
  function fnBase(fn, ctorName) {
    let src = '';
    try { src = Function.prototype.toString.call(fn); } catch (e) { src = ''; }
    if (src.startsWith('class') && /^class\s*[\s{A-Za-z_$]/.test(src)) {
      let b = `[class ${fn.name || '(anonymous)'}`;
      const sup = Object.getPrototypeOf(fn);
      if (sup && sup.name) b += ` extends ${sup.name}`;
      return b + ']';
    }
    let type = 'Function';
    if (ctorName === 'AsyncFunction') type = 'AsyncFunction';
    else if (ctorName === 'GeneratorFunction') type = 'GeneratorFunction';
    else if (ctorName === 'AsyncGeneratorFunction') type = 'AsyncGeneratorFunction';
    return fn.name ? `[${type}: ${fn.name}]` : `[${type} (anonymous)]`;
  }
  function isError(v) { return v instanceof Error || Object.prototype.toString.call(v) === '[object Error]'; }
  function formatError(err, ctx, keys) {
    let stack = null;
    try { stack = err.stack; } catch (e) { stack = null; }
    let s = typeof stack === 'string' && stack ? stack : errorHeader(err);
    const hasFrames = /\n\s+at /.test(s);
    if (!hasFrames) s = `[${s}]`;
    if (ctx.indentationLvl !== 0) {
      const ind = ' '.repeat(ctx.indentationLvl);
      s = s.split('\n').join('\n' + ind);
    }
    return s;
  }
  function inspect(value, opts) {
    const ctx = {
      seen: [], circular: undefined, indentationLvl: 0, currentDepth: 0,
      depth: 2, breakLength: 80, compact: 3, showHidden: false, maxArrayLength: 100,
    };
    if (opts) Object.assign(ctx, opts);
    if (ctx.depth === null) ctx.depth = Infinity;
    return formatValue(ctx, value, 0, true);
  }
  function formatValue(ctx, value, recurseTimes, typedArray) {
    if (typeof value !== 'object' && typeof value !== 'function') return formatPrimitive(value, ctx);
    if (value === null) return 'null';
    if (ctx.seen.includes(value)) {
      let index = 1;
      if (ctx.circular === undefined) { ctx.circular = new Map(); ctx.circular.set(value, index); }
      else {
        index = ctx.circular.get(value);
        if (index === undefined) { index = ctx.circular.size + 1; ctx.circular.set(value, index); }
      }
      return `[Circular *${index}]`;
    }
    return formatRaw(ctx, value, recurseTimes, typedArray);
  }
  function formatProperty(ctx, value, recurseTimes, key, type) {
    let name, str;
    const desc = Object.getOwnPropertyDescriptor(value, key) || { value: value[key], enumerable: true };
    if (desc.value !== undefined) {
      const diff = 2;
      ctx.indentationLvl += diff;
      str = formatValue(ctx, desc.value, recurseTimes);
      ctx.indentationLvl -= diff;
    } else if (desc.get !== undefined) {
      str = desc.set !== undefined ? '[Getter/Setter]' : '[Getter]';
    } else if (desc.set !== undefined) {
      str = '[Setter]';
    } else {
      str = 'undefined';
    }
    if (type === kArrayExtrasType) return str;
    if (typeof key === 'symbol') name = `[${key.toString()}]`;
    else if (desc.enumerable === false) name = `[${key}]`;
    else if (identRe.test(key)) name = key;
    else name = strEscape(key);
    return `${name}: ${str}`;
  }
  function formatRaw(ctx, value, recurseTimes, typedArray) {
    let keys;
    const ctorName = getCtorName(value);
    let base = '';
    let braces;
    let formatter = () => [];
    let extrasType = kObjectType;
    let noIterator = true;
    const protoNull = Object.getPrototypeOf(value) === null;
    // node's getPrefix(constructor, tag, fallback, size)
    const prefixFor = (fallback, size) => {
      const sz = size === undefined ? '' : `(${size})`;
      let tag = '';
      try { tag = value[Symbol.toStringTag]; } catch (e) { tag = ''; }
      if (typeof tag !== 'string') tag = '';
      if (ctorName === null) return tag !== '' && fallback !== tag ? `[${fallback}${sz}: null prototype] [${tag}] ` : `[${fallback}${sz}: null prototype] `;
      if (tag !== '' && ctorName !== tag) return `${ctorName}${sz} [${tag}] `;
      return `${ctorName}${sz} `;
    };
    keys = Object.keys(value);
    const syms = Object.getOwnPropertySymbols(value).filter((s) => Object.prototype.propertyIsEnumerable.call(value, s));
    if (Array.isArray(value)) {
      if (ctx.showHidden) keys.push('length');
      const prefix = ctorName !== 'Array' || protoNull ? prefixFor('Array', value.length) : '';
      keys = keys.filter((k) => !/^(0|[1-9][0-9]*)$/.test(k) || Number(k) >= value.length);
      braces = [`${prefix}[`, ']'];
      if (value.length === 0 && keys.length === 0 && syms.length === 0) return `${braces[0]}]`;
      extrasType = kArrayExtrasType;
      formatter = formatArray;
    } else if (value instanceof Set) {
      const size = value.size;
      const prefix = prefixFor('Set', size);
      formatter = formatSet;
      if (size === 0 && keys.length === 0) return `${prefix}{}`;
      braces = [`${prefix}{`, '}'];
    } else if (value instanceof Map) {
      const size = value.size;
      const prefix = prefixFor('Map', size);
      formatter = formatMap;
      if (size === 0 && keys.length === 0) return `${prefix}{}`;
      braces = [`${prefix}{`, '}'];
    } else if (ArrayBuffer.isView(value) && !(value instanceof DataView)) {
      if (value instanceof BufferClass) {
        let s = '<Buffer';
        const n = Math.min(value.length, 50);
        for (let i = 0; i < n; i++) s += ' ' + value[i].toString(16).padStart(2, '0');
        if (value.length > 50) s += ` ... ${value.length - 50} more bytes`;
        return s + '>';
      }
      const fallback = ctorName || 'TypedArray';
      braces = [`${fallback}(${value.length}) [`, ']'];
      if (value.length === 0) return `${braces[0]}]`;
      extrasType = kArrayExtrasType;
      keys = keys.filter((k) => !/^(0|[1-9][0-9]*)$/.test(k));
      formatter = formatArray;
    } else {
      noIterator = false;
    }
    if (!noIterator) {
      keys = keys.concat(syms);
      if (typeof value === 'function') {
        base = fnBase(value, ctorName);
        keys = keys.filter((k) => k !== 'prototype');
        if (keys.length === 0) return base;
        braces = ['{', '}'];
      } else if (value instanceof Promise) {
        const st = mn.promiseState(value);
        braces = [`${ctorName !== 'Promise' ? ctorName + ' [Promise]' : 'Promise'} {`, '}'];
        formatter = (ctx2, v, rt) => {
          if (st[0] === 0) return ['<pending>'];
          ctx2.indentationLvl += 2;
          const s = formatValue(ctx2, st[1], rt);
          ctx2.indentationLvl -= 2;
          return [st[0] === 2 ? `<rejected> ${s}` : s];
        };
      } else if (isError(value)) {
        base = formatError(value, ctx, keys);
        keys = keys.filter((k) => k !== 'stack' && k !== 'message');
        if (keys.length === 0) return base;
        braces = ['{', '}'];
      } else if (value instanceof RegExp) {
        base = RegExp.prototype.toString.call(value);
        if (keys.length === 0) return base;
        braces = ['{', '}'];
      } else if (value instanceof Date) {
        base = Number.isNaN(value.getTime()) ? 'Invalid Date' : value.toISOString();
        if (keys.length === 0) return base;
        braces = ['{', '}'];
      } else if (value instanceof WeakMap || value instanceof WeakSet) {
        return `${ctorName} { <items unknown> }`;
      } else if (typeof value === 'object' && value[Symbol.toStringTag] === 'Module') {
        braces = ['[Module: null prototype] {', '}'];
      } else {
        let prefix = '';
        if (protoNull) prefix = '[Object: null prototype] ';
        else if (ctorName !== 'Object') prefix = `${ctorName} `;
        const tag = value[Symbol.toStringTag];
        if (typeof tag === 'string' && tag !== '' && tag !== ctorName) prefix = `${prefix || 'Object '}[${tag}] `;
        braces = [`${prefix}{`, '}'];
        if (keys.length === 0) {
          return `${prefix}{}`;
        }
      }
    } else {
      keys = keys.concat(syms);
    }
    if (recurseTimes > ctx.depth) {
      if (Array.isArray(value)) return '[Array]';
      return `[${ctorName || 'Object'}]`;
    }
    recurseTimes += 1;
    ctx.seen.push(value);
    ctx.currentDepth = recurseTimes;
    let output;
    try {
      output = formatter(ctx, value, recurseTimes);
      for (let i = 0; i < keys.length; i++) output.push(formatProperty(ctx, value, recurseTimes, keys[i], kObjectType));
    } finally {
      ctx.seen.pop();
    }
    if (ctx.circular !== undefined) {
      const index = ctx.circular.get(value);
      if (index !== undefined) {
        const reference = `<ref *${index}>`;
        if (base === '') braces[0] = `${reference} ${braces[0]}`;
        else base = `${reference} ${base}`;
      }
    }
    return reduceToSingleString(ctx, output, base, braces, extrasType, recurseTimes, value);
  }
  function formatArray(ctx, value, recurseTimes) {
    const len = value.length;
    const outputLength = Math.min(ctx.maxArrayLength, len);
    const remaining = len - outputLength;
    const output = [];
    let holes = 0;
    for (let i = 0; i < outputLength; i++) {
      if (!Object.prototype.hasOwnProperty.call(value, i)) { holes++; continue; }
      if (holes > 0) { output.push(`<${holes} empty item${holes > 1 ? 's' : ''}>`); holes = 0; }
      output.push(formatProperty(ctx, value, recurseTimes, i, kArrayExtrasType));
    }
    if (holes > 0) output.push(`<${holes} empty item${holes > 1 ? 's' : ''}>`);
    if (remaining > 0) output.push(`... ${remaining} more item${remaining > 1 ? 's' : ''}`);
    return output;
  }
  function formatSet(ctx, value, recurseTimes) {
    const output = [];
    ctx.indentationLvl += 2;
    for (const v of value) output.push(formatValue(ctx, v, recurseTimes));
    ctx.indentationLvl -= 2;
    return output;
  }
  function formatMap(ctx, value, recurseTimes) {
    const output = [];
    ctx.indentationLvl += 2;
    for (const [k, v] of value) output.push(`${formatValue(ctx, k, recurseTimes)} => ${formatValue(ctx, v, recurseTimes)}`);
    ctx.indentationLvl -= 2;
    return output;
  }
  function groupArrayElements(ctx, output, value) {
    let totalLength = 0;
    let maxLength = 0;
    let i = 0;
    let outputLength = output.length;
    if (ctx.maxArrayLength < output.length) outputLength--;
    const separatorSpace = 2;
    const dataLen = new Array(outputLength);
    for (; i < outputLength; i++) {
      const len = output[i].length;
      dataLen[i] = len;
      totalLength += len + separatorSpace;
      if (maxLength < len) maxLength = len;
    }
    const actualMax = maxLength + separatorSpace;
    if (actualMax * 3 + ctx.indentationLvl < ctx.breakLength &&
        (totalLength / actualMax > 5 || maxLength <= 6)) {
      const approxCharHeights = 2.5;
      const averageBias = Math.sqrt(actualMax - totalLength / output.length);
      const biasedMax = Math.max(actualMax - 3 - averageBias, 1);
      const columns = Math.min(
        Math.round(Math.sqrt(approxCharHeights * biasedMax * outputLength) / biasedMax),
        Math.floor((ctx.breakLength - ctx.indentationLvl) / actualMax),
        ctx.compact * 4,
        15,
      );
      if (columns <= 1) return output;
      const tmp = [];
      const maxLineLength = [];
      for (let i = 0; i < columns; i++) {
        let lineLength = 0;
        for (let j = i; j < output.length; j += columns) {
          if (dataLen[j] > lineLength) lineLength = dataLen[j];
        }
        maxLineLength.push(lineLength + separatorSpace);
      }
      let padStart = true;
      if (value !== undefined) {
        for (let i = 0; i < output.length; i++) {
          if (typeof value[i] !== 'number' && typeof value[i] !== 'bigint') { padStart = false; break; }
        }
      }
      for (let i = 0; i < outputLength; i += columns) {
        const max = Math.min(i + columns, outputLength);
        let str = '';
        let j = i;
        for (; j < max - 1; j++) {
          const padding = maxLineLength[j - i];
          str += padStart ? `${output[j]}, `.padStart(padding, ' ') : `${output[j]}, `.padEnd(padding, ' ');
        }
        if (padStart) {
          const padding = maxLineLength[j - i] - separatorSpace;
          str += output[j].padStart(padding, ' ');
        } else {
          str += output[j];
        }
        tmp.push(str);
      }
      if (ctx.maxArrayLength < output.length) tmp.push(output[outputLength]);
      output = tmp;
    }
    return output;
  }
  function isBelowBreakLength(ctx, output, start, base) {
    let totalLength = output.length + start;
    if (totalLength + output.length > ctx.breakLength) return false;
    for (let i = 0; i < output.length; i++) {
      totalLength += output[i].length;
      if (totalLength > ctx.breakLength) return false;
    }
    return base === '' || !base.includes('\n');
  }
  function reduceToSingleString(ctx, output, base, braces, extrasType, recurseTimes, value) {
    const entries = output.length;
    if (extrasType === kArrayExtrasType && entries > 6) output = groupArrayElements(ctx, output, value);
    if (ctx.currentDepth - recurseTimes < ctx.compact && entries === output.length) {
      const start = output.length + ctx.indentationLvl + braces[0].length + base.length + 10;
      if (isBelowBreakLength(ctx, output, start, base)) {
        const joined = output.join(', ');
        if (!joined.includes('\n')) {
          return `${base ? `${base} ` : ''}${braces[0]} ${joined}` + ` ${braces[1]}`;
        }
      }
    }
    const indentation = `\n${' '.repeat(ctx.indentationLvl)}`;
    return `${base ? `${base} ` : ''}${braces[0]}${indentation}  ${output.join(`,${indentation}  `)}${indentation}${braces[1]}`;
  }

  function formatWithOptions(inspectOptions, args) {
    const first = args[0];
    let a = 0;
    let str = '';
    let join = '';
    if (typeof first === 'string') {
      if (args.length === 1) return first;
      let tempStr;
      let lastPos = 0;
      for (let i = 0; i < first.length - 1; i++) {
        if (first.charCodeAt(i) === 37) { // '%'
          const nextChar = first.charCodeAt(++i);
          if (a + 1 !== args.length) {
            switch (nextChar) {
              case 115: { // 's'
                const arg = args[++a];
                if (typeof arg === 'number') tempStr = formatNumber(arg);
                else if (typeof arg === 'bigint') tempStr = `${arg}n`;
                else if (typeof arg !== 'object' || arg === null || (typeof arg.toString === 'function' && arg.toString !== Object.prototype.toString && !isError(arg) && !Array.isArray(arg))) tempStr = String(arg);
                else tempStr = inspect(arg, { depth: 0, compact: 3 });
                break;
              }
              case 106: { // 'j'
                try { tempStr = JSON.stringify(args[++a]); } catch (e) { tempStr = '[Circular]'; }
                break;
              }
              case 100: { // 'd'
                const n = args[++a];
                if (typeof n === 'bigint') tempStr = `${n}n`;
                else if (typeof n === 'symbol') tempStr = 'NaN';
                else tempStr = formatNumber(Number(n));
                break;
              }
              case 79: tempStr = inspect(args[++a], inspectOptions); break; // 'O'
              case 111: tempStr = inspect(args[++a], { showHidden: true, showProxy: true, depth: 4 }); break; // 'o'
              case 105: { // 'i'
                const n = args[++a];
                if (typeof n === 'bigint') tempStr = `${n}n`;
                else if (typeof n === 'symbol') tempStr = 'NaN';
                else tempStr = formatNumber(parseInt(n));
                break;
              }
              case 102: { // 'f'
                const n = args[++a];
                tempStr = typeof n === 'symbol' ? 'NaN' : formatNumber(parseFloat(n));
                break;
              }
              case 99: a += 1; tempStr = ''; break; // 'c'
              case 37: str += first.slice(lastPos, i); lastPos = i + 1; continue; // '%'
              default: continue;
            }
            if (lastPos !== i - 1) str += first.slice(lastPos, i - 1);
            str += tempStr;
            lastPos = i + 1;
          } else if (nextChar === 37) {
            str += first.slice(lastPos, i);
            lastPos = i + 1;
          }
        }
      }
      if (lastPos !== 0) {
        a++;
        join = ' ';
        if (lastPos < first.length) str += first.slice(lastPos);
      }
    }
    while (a < args.length) {
      const value = args[a];
      str += join;
      str += typeof value !== 'string' ? inspect(value, inspectOptions) : value;
      join = ' ';
      a++;
    }
    return str;
  }
  function format(...args) { return formatWithOptions(undefined, args); }

  // ---------------------------------------------------------------- console
  let groupIndent = '';
  function writeOut(stream, text) { mn.write(stream, text); }
  function logTo(stream) {
    return function (...args) {
      let s = formatWithOptions(undefined, args);
      if (groupIndent) s = groupIndent + s.split('\n').join('\n' + groupIndent);
      writeOut(stream, s + '\n');
    };
  }
  const counts = new Map();
  const timersLabel = new Map();
  const console = {
    log: logTo(1), info: logTo(1), debug: logTo(1), warn: logTo(2), error: logTo(2), trace: logTo(2),
    dir(obj, opts) { writeOut(1, groupIndent + inspect(obj, opts) + '\n'); },
    group(...label) { if (label.length) console.log(...label); groupIndent += '  '; },
    groupEnd() { groupIndent = groupIndent.slice(2); },
    count(label = 'default') { const n = (counts.get(label) || 0) + 1; counts.set(label, n); console.log(`${label}: ${n}`); },
    countReset(label = 'default') { counts.delete(label); },
    time(label = 'default') { timersLabel.set(label, mn.now()); },
    timeEnd(label = 'default') {
      const t = timersLabel.get(label);
      if (t === undefined) return;
      timersLabel.delete(label);
      console.log(`${label}: ${fmtMs(mn.now() - t)}`);
    },
    timeLog(label = 'default', ...rest) {
      const t = timersLabel.get(label);
      if (t !== undefined) console.log(`${label}: ${fmtMs(mn.now() - t)}`, ...rest);
    },
    assert(ok, ...rest) { if (!ok) console.error(rest.length ? 'Assertion failed: ' + format(...rest) : 'Assertion failed'); },
    table(data) { console.log(data); },
  };
  console.groupCollapsed = console.group;
  function fmtMs(ms) { return ms >= 1000 ? `${(ms / 1000).toFixed(3)}s` : `${ms.toFixed(3)}ms`; }

  // ---------------------------------------------------------------- events
  class EventEmitter {
    constructor() { this._events = Object.create(null); this._maxListeners = undefined; }
    _list(name) { if (!this._events) this._events = Object.create(null); return this._events[name] || (this._events[name] = []); }
    on(name, fn) { if (this._events && this._events.newListener && name !== 'newListener') this.emit('newListener', name, fn); this._list(name).push(fn); return this; }
    addListener(name, fn) { return this.on(name, fn); }
    prependListener(name, fn) { this._list(name).unshift(fn); return this; }
    once(name, fn) {
      const self = this;
      function wrapper(...args) { self.removeListener(name, wrapper); return fn.apply(this, args); }
      wrapper.listener = fn;
      return this.on(name, wrapper);
    }
    off(name, fn) { return this.removeListener(name, fn); }
    removeListener(name, fn) {
      const l = this._events && this._events[name];
      if (!l) return this;
      const i = l.findIndex((f) => f === fn || f.listener === fn);
      if (i >= 0) l.splice(i, 1);
      if (l.length === 0) delete this._events[name];
      return this;
    }
    removeAllListeners(name) { if (name === undefined) this._events = Object.create(null); else if (this._events) delete this._events[name]; return this; }
    emit(name, ...args) {
      const l = this._events && this._events[name];
      if (!l || l.length === 0) {
        if (name === 'error') {
          const err = args[0];
          if (err instanceof Error) throw err;
          const e = new Error(`Unhandled error. (${inspect(err)})`);
          e.code = 'ERR_UNHANDLED_ERROR';
          e.context = err;
          throw e;
        }
        return false;
      }
      for (const f of l.slice()) f.apply(this, args);
      return true;
    }
    listenerCount(name) { const l = this._events && this._events[name]; return l ? l.length : 0; }
    listeners(name) { const l = this._events && this._events[name]; return l ? l.map((f) => f.listener || f) : []; }
    rawListeners(name) { const l = this._events && this._events[name]; return l ? l.slice() : []; }
    eventNames() { return this._events ? Reflect.ownKeys(this._events) : []; }
    setMaxListeners(n) { this._maxListeners = n; return this; }
    getMaxListeners() { return this._maxListeners === undefined ? 10 : this._maxListeners; }
  }
  EventEmitter.EventEmitter = EventEmitter;
  EventEmitter.defaultMaxListeners = 10;
  EventEmitter.once = function (emitter, name) {
    return new Promise((resolve) => emitter.once(name, (...args) => resolve(args)));
  };

  // ---------------------------------------------------------------- timers
  const TIMEOUT_MAX = 2 ** 31 - 1;
  class Timeout {
    constructor(callback, after, args, isRepeat) {
      after *= 1;
      if (!(after >= 1 && after <= TIMEOUT_MAX)) {
        if (after > TIMEOUT_MAX) {
          emitWarning(`${after} does not fit into a 32-bit signed integer.\nTimeout duration was set to 1.`, 'TimeoutOverflowWarning');
        }
        after = 1;
      }
      this._idleTimeout = after;
      this._onTimeout = callback;
      this._timerArgs = args;
      this._repeat = isRepeat ? after : null;
      this._destroyed = false;
      this._id = nextId++;
    }
    ref() { if (!this._refed) { this._refed = true; if (!this._destroyed) mn.timerRef(this._id, true); } return this; }
    unref() { if (this._refed) { this._refed = false; if (!this._destroyed) mn.timerRef(this._id, false); } return this; }
    hasRef() { return this._refed; }
    refresh() { if (!this._destroyed) { refreshes++; callbacks.set(this._id, this); mn.timerStart(this._id, this._idleTimeout, 0, this._refed); } return this; }
    close() { clearTimeout(this); return this; }
    // node's async id: ids count timers, immediates, nextTicks and microtasks alike, after the
    // main script's 1
    [Symbol.toPrimitive]() { const asyncId = this._id + 1; timersByPrimitive.set(asyncId, this); return asyncId; }
  }
  Timeout.prototype._refed = true;
  keepShapesOf(new Timeout(() => {}, 1, undefined, false));
  nextId -= 1; // the sample took no id
  const timersByPrimitive = new Map();
  // refresh() calls so far: a timer that fired is active again afterwards only if its callback
  // refreshed some timer, so runTimer asks the loop only then.
  let refreshes = 0;
  // kinds: 1 setTimeout, 2 setInterval (host.rs `kind_name`)
  function setTimeout(cb, after, ...args) {
    if (typeof cb !== 'function') throw invalidArgType('callback', 'function', cb);
    const t = new Timeout(cb, after, args.length ? args : undefined, false);
    callbacks.o[t._id] = t;
    mn.timerStart(t._id, t._idleTimeout, record ? callerLine() : 0, true, 1);
    return t;
  }
  function setInterval(cb, after, ...args) {
    if (typeof cb !== 'function') throw invalidArgType('callback', 'function', cb);
    const t = new Timeout(cb, after, args.length ? args : undefined, true);
    callbacks.o[t._id] = t;
    mn.timerStart(t._id, t._idleTimeout, record ? callerLine() : 0, true, 2);
    return t;
  }
  function clearTimeout(t) {
    if (t && t._onTimeout !== undefined && t instanceof Timeout) {
      t._idleTimeout = -1;
      if (!t._destroyed) { t._destroyed = true; callbacks.delete(t._id); mn.timerClear(t._id); }
      return;
    }
    if (typeof t === 'number' || typeof t === 'string') {
      const found = timersByPrimitive.get(Number(t));
      if (found) clearTimeout(found);
    }
  }
  function __runTimer(t) { return t._onTimeout(); }
  function __runTimerArgs(t) { return t._onTimeout(...t._timerArgs); }
  function runTimer(id) {
    const t = callbacks.o[id];
    if (t === undefined) return;
    const seen = refreshes;
    try {
      if (t._timerArgs === undefined) __runTimer(t); else __runTimerArgs(t);
    } finally {
      if (t._repeat && t._idleTimeout !== -1 && !t._destroyed) {
        t._idleTimeout = t._repeat;
        mn.timerStart(t._id, t._idleTimeout, 0, t._refed);
      } else if (refreshes === seen || !mn.timerActive(t._id)) {
        t._destroyed = true;
        delete callbacks.o[id];
      }
    }
  }
  class Immediate {
    constructor(cb, args) { this._onImmediate = cb; this._argv = args; this._destroyed = false; this._id = nextId++; }
    ref() { if (!this._refed) { this._refed = true; if (!this._destroyed) mn.immediateRef(this._id, true); } return this; }
    unref() { if (this._refed) { this._refed = false; if (!this._destroyed) mn.immediateRef(this._id, false); } return this; }
    hasRef() { return this._refed; }
  }
  Immediate.prototype._refed = true;
  keepShapesOf(new Immediate(() => {}, undefined));
  nextId -= 1;
  // setImmediate's records in queue order: immItems[immHead..]
  let immItems = [];
  let immHead = 0;
  function setImmediate(cb, ...args) {
    if (typeof cb !== 'function') throw invalidArgType('callback', 'function', cb);
    const im = new Immediate(cb, args.length ? args : undefined);
    immItems.push(im);
    mn.immediate(im._id, record ? callerLine() : 0);
    return im;
  }
  function clearImmediate(im) {
    if (!im || !(im instanceof Immediate) || im._destroyed) return;
    im._destroyed = true;
    mn.immediateClear(im._id);
  }
  function __runImmediate(im) { return im._argv === undefined ? im._onImmediate() : im._onImmediate(...im._argv); }
  function runImmediate(id) {
    // the record with this id; the ones before it were cancelled
    let im;
    while (immHead < immItems.length) {
      const v = immItems[immHead];
      immItems[immHead++] = undefined;
      if (v._id === id) { im = v; break; }
    }
    if (immHead >= 1024 && immHead * 2 >= immItems.length) {
      immItems = immItems.slice(immHead);
      immHead = 0;
    }
    if (im === undefined) return;
    im._destroyed = true;
    __runImmediate(im);
  }

  // ---------------------------------------------------------------- nextTick, microtasks
  // Recorded runs queue each tick with the loop (an Enqueue event, a CallbackStart per tick); plain
  // runs keep the queue here and drain it in one call (__runTicks), telling the loop only that it
  // has work when the queue stops being empty outside a drain.
  let plainTicks = [];
  let plainHead = 0;
  let tickDraining = false;
  function nextTick(cb, ...args) {
    if (typeof cb !== 'function') throw invalidArgType('callback', 'function', cb);
    if (record) {
      const id = nextId++;
      tickQueue.push({ _id: id, cb, args: args.length ? args : undefined });
      mn.tick(id, callerLine());
      return;
    }
    nextId++;
    const q = plainTicks;
    const n = q.length;
    if (!tickDraining && plainHead === n) mn.tickWake();
    q[n] = cb;
    q[n + 1] = args.length ? args : undefined;
  }
  function __runTick(cb, args) { return args === undefined ? cb() : cb(...args); }
  function runTick(id) {
    const t = tickQueue.take(id);
    if (t !== undefined) __runTick(t.cb, t.args);
  }
  // (the callbacks are called here, not through __runTick: one call less per tick; the name
  // stands for node's processTicksAndRejections in stack traces)
  function __runTicks() {
    tickDraining = true;
    try {
      while (plainHead < plainTicks.length) {
        // (callback, arguments) pairs
        const cb = plainTicks[plainHead];
        const args = plainTicks[plainHead + 1];
        plainTicks[plainHead] = plainTicks[plainHead + 1] = undefined;
        plainHead += 2;
        if (plainHead >= 2048 && plainHead * 2 >= plainTicks.length) {
          plainTicks = plainTicks.slice(plainHead);
          plainHead = 0;
        }
        if (args === undefined) cb();
        else cb(...args);
      }
    } finally {
      tickDraining = false;
      if (plainHead < plainTicks.length) mn.tickWake();
    }
  }
  function __runMicrotask(cb) { return cb(); }
  function queueMicrotask(cb) {
    if (typeof cb !== 'function') throw invalidArgType('callback', 'function', cb);
    if (record) mn.microtask(callerLine());
    nextId++;
    Promise.resolve().then(() => {
      try { __runMicrotask(cb); } catch (e) { reportUncaught(e, true); }
    });
  }

  // ---------------------------------------------------------------- errors and warnings
  function invalidArgType(name, type, actual) {
    let recv;
    if (actual === undefined || actual === null) recv = ` Received ${actual}`;
    else if (typeof actual === 'function') recv = ` Received function ${actual.name}`;
    else if (typeof actual === 'object') recv = ` Received ${inspect(actual, { depth: -1 })}`;
    else {
      let s = inspect(actual);
      if (s.length > 28) s = s.slice(0, 25) + '...';
      recv = ` Received type ${typeof actual} (${s})`;
    }
    const e = new TypeError(`The "${name}" argument must be of type ${type}.${recv}`);
    e.code = 'ERR_INVALID_ARG_TYPE';
    return e;
  }
  let warned = new Set();
  function emitWarning(message, type = 'Warning', code) {
    if (typeof type === 'object' && type !== null) { code = type.code; type = type.type || 'Warning'; }
    const w = message instanceof Error ? message : Object.assign(new Error(message), { name: type });
    if (code !== undefined) w.code = code;
    nextTick(() => {
      if (process.listenerCount('warning') > 0) { process.emit('warning', w); return; }
      const first = !warned.has('trace');
      warned.add('trace');
      const label = w.code ? `[${w.code}] ` : '';
      let text = `(node:${process.pid}) ${label}${w.name}: ${w.message}\n`;
      if (first) text += '(Use `node --trace-warnings ...` to show where the warning was created)\n';
      writeOut(2, text);
    });
  }

  // Node's report of an uncaught exception, as printed on stderr before exiting.
  let sourceLines = null;
  function sourceContext(err, atThrow) {
    if (err === null || typeof err !== 'object') return null;
    let stack;
    try { stack = err.stack; } catch (e) { return null; }
    if (typeof stack !== 'string') return null;
    const m = stack.split('\n').find((l) => l.includes(SCRIPT + ':'));
    if (!m) return null;
    const at = m.lastIndexOf(SCRIPT + ':');
    const rest = m.slice(at + SCRIPT.length + 1).match(/^(\d+):(\d+)/);
    if (!rest) return null;
    const line = Number(rest[1]);
    let col = Number(rest[2]);
    if (sourceLines === null) sourceLines = mn.source.split(/\r?\n/);
    const text = sourceLines[line - 1];
    if (text === undefined) return null;
    // node points at the throw statement: find it when the error was built by the script
    // (`new Error(...)`); an error the engine raised (a failed call or read) is thrown where it is.
    if (atThrow && /^new\b/.test(text.slice(col - 1))) {
      // node points at the throw statement: the nearest `throw` before the error's place on
      // that line, else the first one after it.
      let best = -1;
      const re = /\bthrow\b/g;
      let mt;
      while ((mt = re.exec(text)) !== null) {
        if (mt.index < col - 1 || best === -1) best = mt.index;
        if (mt.index >= col - 1) break;
      }
      if (best >= 0) col = best + 1;
    }
    return `${SCRIPT}:${line}\n${text}\n${' '.repeat(Math.max(0, col - 1))}^\n`;
  }
  function uncaughtReport(err, atThrow) {
    let out = '';
    if (err !== null && typeof err === 'object' && isError(err)) {
      // errors thrown by node's own module loader point into it
      const ctxText = err.code === 'MODULE_NOT_FOUND' ? 'node:internal/modules/cjs/loader:1210\n  throw err;\n  ^\n' : sourceContext(err, atThrow);
      if (ctxText) out += ctxText + '\n';
      out += inspect(err) + '\n';
    } else {
      // where a non-Error was thrown is unknown; a single `throw` in the script is the place
      if (sourceLines === null) sourceLines = mn.source.split(/\r?\n/);
      const throws = [];
      sourceLines.forEach((t, i) => { const k = t.search(/\bthrow\b/); if (k >= 0) throws.push([i, k]); });
      out += '\n';
      if (throws.length === 1) {
        const [i, k] = throws[0];
        out += `${SCRIPT}:${i + 1}\n${sourceLines[i]}\n${' '.repeat(k)}^\n`;
      }
      out += (typeof err === 'string' ? err : inspect(err)) + '\n(Use `node --trace-uncaught ...` to show where the exception was thrown)\n';
    }
    out += `\nNode.js ${process.version}\n`;
    return out;
  }
  // Returns true when the process must die (no 'uncaughtException' listener took it).
  function reportUncaught(err, inMicrotask) {
    if (err && err.__mnExit) throw err;
    if (process.listenerCount('uncaughtException') > 0) {
      process.emit('uncaughtException', err, 'uncaughtException');
      return false;
    }
    mn.fatal(uncaughtReport(err, !inMicrotask), 1);
    return true;
  }

  // Unhandled rejections, node's default 'throw' mode.
  const pendingRejections = new Map();
  function trackRejection(promise, reason, handled) {
    if (handled) pendingRejections.delete(promise);
    else pendingRejections.set(promise, reason);
  }
  function processRejections() {
    if (pendingRejections.size === 0) return false;
    const list = Array.from(pendingRejections);
    pendingRejections.clear();
    for (const [promise, reason] of list) {
      if (process.listenerCount('unhandledRejection') > 0) {
        process.emit('unhandledRejection', reason, promise);
        continue;
      }
      if (reason !== null && typeof reason === 'object' && isError(reason)) {
        if (process.listenerCount('uncaughtException') > 0) { process.emit('uncaughtException', reason, 'unhandledRejection'); continue; }
        mn.fatal(uncaughtReport(reason, false), 1);
        return true;
      }
      let shown;
      try { shown = typeof reason === 'object' && reason !== null ? Object.prototype.toString.call(reason).replace(/^\[object (.*)\]$/, '#<$1>') : String(reason); } catch (e) { shown = '#<Object>'; }
      if (typeof reason === 'string') shown = reason;
      const msg = 'This error originated either by throwing inside of an async function without a catch block, or by rejecting a promise which was not handled with .catch(). The promise rejected with the reason "' + shown + '".';
      const text = 'node:internal/process/promises:389\n      new UnhandledPromiseRejection(reason);\n      ^\n\n' +
        `UnhandledPromiseRejection: ${msg}\n` +
        '    at throwUnhandledRejectionsMode (node:internal/process/promises:389:7)\n' +
        '    at processPromiseRejections (node:internal/process/promises:470:17)\n' +
        "    at process.processTicksAndRejections (node:internal/process/task_queues:96:32) {\n  code: 'ERR_UNHANDLED_REJECTION'\n}\n" +
        `\nNode.js ${process.version}\n`;
      mn.fatal(text, 1);
      return true;
    }
    return true;
  }

  // ---------------------------------------------------------------- process
  const process = new EventEmitter();
  const EXIT = { __mnExit: true };
  Object.assign(process, {
    argv: mn.argv,
    argv0: 'node',
    execArgv: [],
    execPath: '/usr/local/bin/node',
    env: mn.env(),
    pid: mn.pid,
    ppid: mn.ppid,
    platform: mn.platform,
    arch: mn.arch,
    version: 'v20.20.2',
    versions: { node: '20.20.2', v8: '11.3.244.8-node.33', uv: '1.46.0', modules: '115' },
    release: { name: 'node', lts: 'Iron' },
    title: 'node',
    exitCode: undefined,
    nextTick,
    emitWarning,
    cwd: () => mn.cwd(),
    uptime: () => mn.now() / 1000,
    hrtime: Object.assign(function hrtime(prev) {
      const ns = Math.round(mn.now() * 1e6) + 1e9;
      let s = Math.floor(ns / 1e9);
      let n = ns % 1e9;
      if (prev) { s -= prev[0]; n -= prev[1]; if (n < 0) { s -= 1; n += 1e9; } }
      return [s, n];
    }, { bigint: () => BigInt(Math.round(mn.now() * 1e6)) + 1000000000n }),
    memoryUsage: Object.assign(() => { const m = mn.memory(); return { rss: m, heapTotal: m, heapUsed: m, external: 0, arrayBuffers: 0 }; }, { rss: () => mn.memory() }),
    exit(code) {
      if (code !== undefined) process.exitCode = code;
      const c = process.exitCode === undefined ? 0 : (Number(process.exitCode) | 0);
      if (!process._exiting) {
        process._exiting = true;
        try { process.emit('exit', c); } catch (e) { /* an exit listener threw */ }
      }
      mn.exit(process.exitCode === undefined ? c : (Number(process.exitCode) | 0));
      throw EXIT;
    },
    abort() { mn.exit(134); throw EXIT; },
    kill() { return true; },
    stdout: { write(s) { writeOut(1, String(s)); return true; }, isTTY: false, columns: 80, fd: 1 },
    stderr: { write(s) { writeOut(2, String(s)); return true; }, isTTY: false, columns: 80, fd: 2 },
    stdin: { fd: 0, isTTY: false },
    features: {},
    config: { variables: {} },
  });
  process._exiting = false;
  Object.defineProperty(process, Symbol.toStringTag, { value: 'process' });
  function runExit(code) {
    if (process.exitCode !== undefined) code = Number(process.exitCode) | 0;
    if (!process._exiting) {
      process._exiting = true;
      process.emit('exit', code);
    }
    return process.exitCode === undefined ? code : (Number(process.exitCode) | 0);
  }
  function beforeExit() {
    if (process.listenerCount('beforeExit') === 0) return;
    process.emit('beforeExit', process.exitCode === undefined ? 0 : process.exitCode);
  }
  function exitCode() { return process.exitCode === undefined ? 0 : (Number(process.exitCode) | 0); }

  // ---------------------------------------------------------------- Buffer (the common part)
  const enc = (s) => mn.utf8Encode(String(s));
  class BufferClass extends Uint8Array {
    static from(v, encoding) {
      if (typeof v === 'string') {
        if (encoding === 'base64') return toBuffer(mn.base64Decode(v));
        if (encoding === 'hex') { const b = new BufferClass(v.length >> 1); for (let i = 0; i < b.length; i++) b[i] = parseInt(v.substr(i * 2, 2), 16); return b; }
        return toBuffer(enc(v));
      }
      if (v instanceof ArrayBuffer) return new BufferClass(v);
      const b = new BufferClass(v.length);
      for (let i = 0; i < v.length; i++) b[i] = v[i];
      return b;
    }
    static alloc(n, fill) { const b = new BufferClass(n); if (fill !== undefined) b.fill(typeof fill === 'string' ? fill.charCodeAt(0) : fill); return b; }
    static allocUnsafe(n) { return new BufferClass(n); }
    static isBuffer(b) { return b instanceof BufferClass; }
    static byteLength(s) { return typeof s === 'string' ? enc(s).byteLength : s.byteLength; }
    static concat(list) { let n = 0; for (const b of list) n += b.length; const out = new BufferClass(n); let o = 0; for (const b of list) { out.set(b, o); o += b.length; } return out; }
    toString(encoding, start = 0, end = this.length) {
      const view = this.subarray(start, end);
      if (encoding === 'hex') return Array.from(view, (x) => x.toString(16).padStart(2, '0')).join('');
      if (encoding === 'base64') return mn.base64Encode(view.buffer.slice(view.byteOffset, view.byteOffset + view.byteLength));
      return mn.utf8Decode(view.buffer.slice(view.byteOffset, view.byteOffset + view.byteLength));
    }
    toJSON() { return { type: 'Buffer', data: Array.from(this) }; }
    equals(o) { if (o.length !== this.length) return false; for (let i = 0; i < this.length; i++) if (o[i] !== this[i]) return false; return true; }
  }
  Object.defineProperty(BufferClass, 'name', { value: 'Buffer' });
  function toBuffer(ab) { return new BufferClass(ab); }

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

  // ---------------------------------------------------------------- path (posix)
  function normalizeString(path, allowAboveRoot) {
    let res = '';
    let lastSegmentLength = 0;
    let lastSlash = -1;
    let dots = 0;
    let code = 0;
    for (let i = 0; i <= path.length; ++i) {
      if (i < path.length) code = path.charCodeAt(i);
      else if (code === 47) break;
      else code = 47;
      if (code === 47) {
        if (lastSlash === i - 1 || dots === 1) {
          // nothing
        } else if (dots === 2) {
          if (res.length < 2 || lastSegmentLength !== 2 || res.charCodeAt(res.length - 1) !== 46 || res.charCodeAt(res.length - 2) !== 46) {
            if (res.length > 2) {
              const lastSlashIndex = res.lastIndexOf('/');
              if (lastSlashIndex === -1) { res = ''; lastSegmentLength = 0; }
              else { res = res.slice(0, lastSlashIndex); lastSegmentLength = res.length - 1 - res.lastIndexOf('/'); }
              lastSlash = i; dots = 0; continue;
            } else if (res.length !== 0) {
              res = ''; lastSegmentLength = 0; lastSlash = i; dots = 0; continue;
            }
          }
          if (allowAboveRoot) { res += res.length > 0 ? '/..' : '..'; lastSegmentLength = 2; }
        } else {
          if (res.length > 0) res += '/' + path.slice(lastSlash + 1, i);
          else res = path.slice(lastSlash + 1, i);
          lastSegmentLength = i - lastSlash - 1;
        }
        lastSlash = i; dots = 0;
      } else if (code === 46 && dots !== -1) {
        ++dots;
      } else {
        dots = -1;
      }
    }
    return res;
  }
  const path = {
    sep: '/', delimiter: ':',
    normalize(p) {
      if (p.length === 0) return '.';
      const isAbs = p.charCodeAt(0) === 47;
      const trailing = p.charCodeAt(p.length - 1) === 47;
      p = normalizeString(p, !isAbs);
      if (p.length === 0) { if (isAbs) return '/'; return trailing ? './' : '.'; }
      if (trailing) p += '/';
      return isAbs ? `/${p}` : p;
    },
    isAbsolute(p) { return p.length > 0 && p.charCodeAt(0) === 47; },
    join(...args) {
      if (args.length === 0) return '.';
      const parts = args.filter((a) => { if (typeof a !== 'string') throw invalidArgType('path', 'string', a); return a.length > 0; });
      if (parts.length === 0) return '.';
      return path.normalize(parts.join('/'));
    },
    resolve(...args) {
      let resolvedPath = '';
      let resolvedAbsolute = false;
      for (let i = args.length - 1; i >= -1 && !resolvedAbsolute; i--) {
        const p = i >= 0 ? args[i] : mn.cwd();
        if (typeof p !== 'string') throw invalidArgType('paths[' + i + ']', 'string', p);
        if (p.length === 0) continue;
        resolvedPath = `${p}/${resolvedPath}`;
        resolvedAbsolute = p.charCodeAt(0) === 47;
      }
      resolvedPath = normalizeString(resolvedPath, !resolvedAbsolute);
      if (resolvedAbsolute) return `/${resolvedPath}`;
      return resolvedPath.length > 0 ? resolvedPath : '.';
    },
    relative(from, to) {
      from = path.resolve(from); to = path.resolve(to);
      if (from === to) return '';
      const f = from.split('/').filter(Boolean), t = to.split('/').filter(Boolean);
      let i = 0;
      while (i < f.length && i < t.length && f[i] === t[i]) i++;
      return [...f.slice(i).map(() => '..'), ...t.slice(i)].join('/');
    },
    dirname(p) {
      if (p.length === 0) return '.';
      const hasRoot = p.charCodeAt(0) === 47;
      let end = -1;
      let matchedSlash = true;
      for (let i = p.length - 1; i >= 1; --i) {
        if (p.charCodeAt(i) === 47) { if (!matchedSlash) { end = i; break; } } else matchedSlash = false;
      }
      if (end === -1) return hasRoot ? '/' : '.';
      if (hasRoot && end === 1) return '//';
      return p.slice(0, end);
    },
    basename(p, ext) {
      let s = p.replace(/\/+$/, '');
      s = s.slice(s.lastIndexOf('/') + 1);
      if (ext !== undefined && s.endsWith(ext) && s !== ext) s = s.slice(0, s.length - ext.length);
      return s;
    },
    extname(p) {
      const b = path.basename(p);
      const i = b.lastIndexOf('.');
      if (i <= 0) return '';
      return b.slice(i);
    },
    parse(p) {
      const root = p.startsWith('/') ? '/' : '';
      const base = path.basename(p);
      const ext = path.extname(p);
      let dir = path.dirname(p);
      if (dir === '.' && !p.includes('/')) dir = '';
      return { root, dir, base, ext, name: ext ? base.slice(0, base.length - ext.length) : base };
    },
    format(o) {
      const dir = o.dir || o.root;
      const base = o.base || `${o.name || ''}${o.ext || ''}`;
      if (!dir) return base;
      return dir === o.root ? `${dir}${base}` : `${dir}/${base}`;
    },
    toNamespacedPath(p) { return p; },
  };
  path.posix = path;

  // ---------------------------------------------------------------- os
  const os = {
    EOL: '\n',
    tmpdir: () => mn.tmpdir(),
    homedir: () => mn.homedir(),
    hostname: () => mn.hostname(),
    platform: () => mn.platform,
    type: () => 'Linux',
    arch: () => mn.arch,
    release: () => mn.osRelease(),
    endianness: () => 'LE',
    cpus: () => {
      const n = mn.cpus();
      const out = [];
      for (let i = 0; i < n; i++) out.push({ model: 'cpu', speed: 0, times: { user: 0, nice: 0, sys: 0, idle: 0, irq: 0 } });
      return out;
    },
    availableParallelism: () => mn.cpus(),
    totalmem: () => mn.totalmem(),
    freemem: () => mn.freemem(),
    uptime: () => mn.osUptime(),
    loadavg: () => [0, 0, 0],
    userInfo: () => ({ username: mn.env().USER || 'root', homedir: mn.homedir(), shell: mn.env().SHELL || null, uid: 0, gid: 0 }),
    networkInterfaces: () => ({}),
  };

  // ---------------------------------------------------------------- util, timers/promises, assert
  function promisify(fn) {
    if (typeof fn !== 'function') throw invalidArgType('original', 'function', fn);
    if (fn === setTimeout) return timersPromises.setTimeout;
    if (fn === setImmediate) return timersPromises.setImmediate;
    return function (...args) {
      return new Promise((resolve, reject) => fn.call(this, ...args, (err, ...values) => (err ? reject(err) : resolve(values[0]))));
    };
  }
  const util = {
    format, inspect, promisify,
    formatWithOptions: (o, ...args) => formatWithOptions(o, args),
    inherits(ctor, superCtor) { Object.setPrototypeOf(ctor.prototype, superCtor.prototype); Object.setPrototypeOf(ctor, superCtor); ctor.super_ = superCtor; },
    isDeepStrictEqual: (a, b) => inspect(a, { depth: Infinity }) === inspect(b, { depth: Infinity }),
    types: {
      isPromise: (v) => v instanceof Promise,
      isDate: (v) => v instanceof Date,
      isRegExp: (v) => v instanceof RegExp,
      isNativeError: (v) => v instanceof Error,
      isAsyncFunction: (v) => typeof v === 'function' && getCtorName(v) === 'AsyncFunction',
    },
    deprecate: (fn) => fn,
    callbackify: (fn) => (...args) => { const cb = args.pop(); fn(...args).then((v) => nextTick(cb, null, v), (e) => nextTick(cb, e)); },
  };
  inspect.custom = Symbol.for('nodejs.util.inspect.custom');
  const timersPromises = {
    setTimeout: (ms, value) => new Promise((resolve) => setTimeout(resolve, ms, value)),
    setImmediate: (value) => new Promise((resolve) => setImmediate(resolve, value)),
    scheduler: { wait: (ms) => new Promise((resolve) => setTimeout(resolve, ms)), yield: () => new Promise((resolve) => setImmediate(resolve)) },
  };
  class AssertionError extends Error {
    constructor(message) { super(message); this.name = 'AssertionError'; this.code = 'ERR_ASSERTION'; }
  }
  function assert(ok, message) { if (!ok) throw new AssertionError(message || 'The expression evaluated to a falsy value'); }
  assert.ok = assert;
  assert.strictEqual = (a, b, m) => { if (!Object.is(a, b)) throw new AssertionError(m || `Expected values to be strictly equal:\n\n${inspect(a)} !== ${inspect(b)}\n`); };
  assert.equal = (a, b, m) => { if (a != b) throw new AssertionError(m || `${inspect(a)} == ${inspect(b)}`); };
  assert.notStrictEqual = (a, b, m) => { if (Object.is(a, b)) throw new AssertionError(m || `Expected "actual" to be strictly unequal to: ${inspect(b)}`); };
  assert.deepStrictEqual = (a, b, m) => { if (!util.isDeepStrictEqual(a, b)) throw new AssertionError(m || 'Expected values to be strictly deep-equal'); };
  assert.deepEqual = assert.deepStrictEqual;
  assert.throws = (fn, _e, m) => { try { fn(); } catch (e) { return; } throw new AssertionError(m || 'Missing expected exception.'); };
  assert.AssertionError = AssertionError;
  assert.strict = assert;

  // ---------------------------------------------------------------- require
  const timersModule = { setTimeout, setInterval, setImmediate, clearTimeout, clearInterval: clearTimeout, clearImmediate, promises: timersPromises };
  const builtins = {
    fs, 'fs/promises': fsPromises, path, 'path/posix': path, os, util, events: EventEmitter,
    timers: timersModule, 'timers/promises': timersPromises, assert, 'assert/strict': assert,
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

  // ---------------------------------------------------------------- globals
  const realDateNow = Date.now;
  const startEpoch = realDateNow();
  Date.now = () => Math.floor(startEpoch + mn.now());
  const performance = {
    now: () => mn.now(),
    timeOrigin: startEpoch,
    mark() {}, measure() {},
    toJSON() { return { timeOrigin: startEpoch }; },
  };
  const defs = {
    console, process, setTimeout, setInterval, setImmediate, clearTimeout, clearInterval: clearTimeout, clearImmediate,
    queueMicrotask, Buffer: BufferClass, performance, global, structuredClone: (v) => JSON.parse(JSON.stringify(v)),
  };
  for (const k of Object.keys(defs)) {
    Object.defineProperty(global, k, { value: defs[k], writable: true, configurable: true, enumerable: k === 'global' ? false : false });
  }
  if (typeof globalThis.URL === 'undefined') {
    global.URL = class URL { constructor(s) { this.href = String(s); this.pathname = String(s).replace(/^file:\/\//, ''); } toString() { return this.href; } };
  }
  if (typeof globalThis.AbortController === 'undefined') {
    global.AbortController = class AbortController { constructor() { this.signal = new EventEmitter(); this.signal.aborted = false; } abort() { this.signal.aborted = true; this.signal.emit('abort'); } };
  }
  if (typeof globalThis.TextEncoder === 'undefined') {
    global.TextEncoder = class TextEncoder { encode(s) { return new Uint8Array(enc(s)); } };
    global.TextDecoder = class TextDecoder { decode(b) { return b ? mn.utf8Decode(b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength)) : ''; } };
  }

  // The scheduler's handles on this side.
  return {
    main: __mainModule,
    runTimer, runImmediate, runTick, runTicks: __runTicks,
    runCallback(id) { const f = callbacks.get(id); callbacks.delete(id); if (f !== undefined) f(); },
    uncaught: reportUncaught,
    report: uncaughtReport,
    trackRejection, processRejections,
    exitCode, runExit, beforeExit,
    inspect,
    isExit: (e) => e === EXIT,
  };
})
