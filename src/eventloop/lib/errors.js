// errors.js: stack traces and error messages as node v20 prints them.
//
// HOW: the vendored QuickJS calls `Error.prepareStackTrace(err, callsites)` with V8-style call
// sites. prepareStackTrace rewrites QuickJS's messages in V8's words (v8ify, nameCallee, with the
// shared rules of common.js), then prints the frames: the user's frames with V8's names
// (`Type.method [as key]`, `new F`), built-ins as `Array.forEach (<anonymous>)`, and, where a
// runner of this prelude (`__runTimer`, `__mainModule` ...) called the user's code, the node
// internal frames that stand for it (RUNNER_FRAMES), so traces match node line for line.
// WHY: the golden tests compare mini-node's output with recorded node output, frames included.
//
// Shared with Rust: the prelude's own file name 'node:mini-node' (*Must* match PRELUDE_FILE in
// src/eventloop/host/mod.rs); `mn.headerLength`, the length of the CommonJS wrapper's header that
// shares the script's first line (*Must* match HEADER in src/eventloop/host/module.rs).
// Bridge names: headerLength (and `source` through common.js), in BRIDGE in
// src/eventloop/host/bridge.rs.

  // ---------------------------------------------------------------- stack traces, node style
  const MAIN_FRAMES = [
    'Module._compile (node:internal/modules/cjs/loader:1521:14)',
    'Module._extensions..js (node:internal/modules/cjs/loader:1623:10)',
    'Module.load (node:internal/modules/cjs/loader:1266:32)',
    'Module._load (node:internal/modules/cjs/loader:1091:12)',
    'Function.executeUserEntryPoint [as runMain] (node:internal/modules/run_main:164:12)',
    'node:internal/main/run_main_module:28:49',
  ];
  // node's loader between a required file's top level and the `require(...)` call that loaded it.
  const REQUIRE_FRAMES = [
    'Module._compile (node:internal/modules/cjs/loader:1521:14)',
    'Module._extensions..js (node:internal/modules/cjs/loader:1623:10)',
    'Module.load (node:internal/modules/cjs/loader:1266:32)',
    'Module._load (node:internal/modules/cjs/loader:1091:12)',
    'Module.require (node:internal/modules/cjs/loader:1289:19)',
    'require (node:internal/modules/helpers:182:18)',
  ];
  // node's worker bootstrap below a worker's file (its loader names differ from the main's) and
  // below its `eval` code.
  const WORKER_TAIL = [
    '[nodejs.internal.kHybridDispatch] (node:internal/event_target:831:20)',
    'MessagePort.<anonymous> (node:internal/per_context/messageport:23:28)',
  ];
  const WORKER_MAIN_FRAMES = [
    'Module._compile (node:internal/modules/cjs/loader:1521:14)',
    'Object..js (node:internal/modules/cjs/loader:1623:10)',
    'Module.load (node:internal/modules/cjs/loader:1266:32)',
    'Function._load (node:internal/modules/cjs/loader:1091:12)',
    'Function.executeUserEntryPoint [as runMain] (node:internal/modules/run_main:164:12)',
    'MessagePort.<anonymous> (node:internal/main/worker_thread:192:26)',
    ...WORKER_TAIL,
  ];
  const WORKER_EVAL_FRAMES = [
    'runScriptInThisContext (node:internal/vm:209:10)',
    'node:internal/process/execution:118:14',
    '[worker eval]-wrapper:6:24',
    'runScript (node:internal/process/execution:101:62)',
    'evalScript (node:internal/process/execution:133:3)',
    'MessagePort.<anonymous> (node:internal/main/worker_thread:173:9)',
    ...WORKER_TAIL,
  ];
  // The frames `__emitWith` (lib/worker_threads.js) stands for while it runs.
  let emitWithFrames = [];
  // The runner functions of this file stand for node's internal frames.
  // No prototype: a frame named toString or constructor must not find Object.prototype's.
  const RUNNER_FRAMES = {
    __proto__: null,
    __mainModule: { rename: 'Object.<anonymous>', frames: MAIN_FRAMES },
    // a required file's frames go on with the requiring file's own (`resume`)
    __requireModule: { rename: 'Object.<anonymous>', frames: REQUIRE_FRAMES, resume: true },
    __runTimer: { timer: true, frames: ['listOnTimeout (node:internal/timers:581:17)', 'process.processTimers (node:internal/timers:519:7)'] },
    __runTimerArgs: { timer: true, frames: ['listOnTimeout (node:internal/timers:583:11)', 'process.processTimers (node:internal/timers:519:7)'] },
    __runImmediate: { immediate: true, frames: ['process.processImmediate (node:internal/timers:483:21)'] },
    // (`drain`: the frames of who drains the queues follow, drainFrames)
    __runTick: { frames: [], drain: 'tick' },
    __runTicks: { frames: [], drain: 'tick' },
    __runMicrotask: { frames: ['node:internal/process/task_queues:140:7', 'AsyncResource.runInAsyncScope (node:async_hooks:206:9)', 'AsyncResource.runMicrotask (node:internal/process/task_queues:137:8)'], drain: 'job' },
    __runReadFile: { frames: ['FSReqCallback.readFileAfterClose [as oncomplete] (node:internal/fs/read/context:68:3)'] },
    __emitUncaught: { frames: ['process._fatalException (node:internal/process/execution:188:25)'] },
    __emitExit: { frames: [] },
    __emitBeforeExit: { frames: [] },
    __emitUnhandledRejection: { frames: ['emitUnhandledRejection (node:internal/process/promises:250:13)', 'throwUnhandledRejectionsMode (node:internal/process/promises:385:19)', 'processPromiseRejections (node:internal/process/promises:470:17)'], drain: 'rejections' },
    __runFs: { frames: ['FSReqCallback.oncomplete (node:fs:187:23)'] },
    // a worker's file and code (lib/worker_threads.js), and the events of its ports: the frames
    // of the dispatch that called the listener, chosen by the caller (`emitFrames`)
    __workerModule: { rename: 'Object.<anonymous>', frames: WORKER_MAIN_FRAMES },
    __workerEval: { frames: WORKER_EVAL_FRAMES },
    __emitWith: { frames: null },
  };
  // Functions of this prelude that stand for a frame of node's library in the middle of a stack
  // (an emitter's emit, a once wrapper), with the receiver's type as V8 names it. A function with
  // `at` only is a helper that moves the next such frame to another line of node's (emit with
  // several listeners, a once listener called without arguments).
  const LIBRARY_FRAMES = {
    __proto__: null,
    emit: { text: (cs, at) => `${receiverType(cs.getThis()) || 'Object'}.emit (node:events:${at || '524:28'})` },
    emitEach: { at: '536:35' },
    onceWrapper: { text: (cs, at) => `Object.onceWrapper (node:events:${at || '639:26'})` },
    onceCall: { at: '638:28' },
  };
  // How many frames the engine takes beyond Error.stackTraceLimit, for this file's own to hide.
  const ENGINE_EXTRA_FRAMES = 32;
  // Who drains the nextTick and microtask queues, by `mn.drainState()` (-1 outside a drain, else
  // 2 * from + 1 once the drain is processTicksAndRejections; `from` *Must* match the numbers of
  // DrainFrom in src/eventloop/node/queues.rs): a callback scope closing (node's C++: no frame),
  // or runNextTicks before the next timer of a list, of another list, or the next immediate.
  const DRAIN_CALLERS = [
    null,
    ['listOnTimeout (node:internal/timers:545:9)', 'process.processTimers (node:internal/timers:519:7)'],
    ['process.processTimers (node:internal/timers:516:9)'],
    ['process.processImmediate (node:internal/timers:454:9)'],
  ];
  // node's frames under a tick ('tick'), a promise job ('job') or processPromiseRejections
  // ('rejections'): V8's checkpoint or runMicrotasks for jobs, else processTicksAndRejections
  // (named `process.` when node's C++ called it), under runNextTicks and its caller if any.
  // (a tick is called on line 77 without arguments, on 81-84 with one to four, else on 85)
  function drainFrames(where) {
    // (tickArgs is task_queues.js's, read only while a tick runs)
    const at = where === 'job' ? '95:5' : where === 'rejections' ? '96:32'
      : tickArgs === 0 ? '77:11' : tickArgs <= 4 ? `${80 + tickArgs}:21` : '85:22';
    const state = mn.drainState();
    if (state < 0) return where === 'job' ? [] : [`process.processTicksAndRejections (node:internal/process/task_queues:${at})`];
    const callers = DRAIN_CALLERS[state >> 1];
    if ((state & 1) === 0 && where === 'job') return callers === null ? [] : ['runNextTicks (node:internal/process/task_queues:60:5)', ...callers];
    const own = `processTicksAndRejections (node:internal/process/task_queues:${at})`;
    return callers === null ? [`process.${own}`] : [own, 'runNextTicks (node:internal/process/task_queues:64:3)', ...callers];
  }
  const mainHeader = mn.headerLength;
  // A call site in the user's code (the main script or a required file), not in this prelude.
  function isScriptFile(f) { return !!f && f !== 'node:mini-node'; }
  // A name that fails to resolve right after `new` (`new Nope()`): V8 points at `new`.
  function v8Column(file, line, col) {
    if (file !== SCRIPT) return col;
    const text = scriptLine(line);
    if (text === undefined) return col;
    const m = text.slice(0, col - 1).match(/new\s+$/);
    return m ? col - m[0].length : col;
  }
  // A column QuickJS reports on a user file's first line, which it shares with the wrapper (the
  // main script and every required .js file are compiled inside the same header).
  function firstLineColumn(col) {
    col -= mainHeader;
    return col < 1 ? 1 : col;
  }
  // Does the timer running `cs` still hold it as its callback?
  function timerHolds(cs) {
    try {
      const t = cs.getThis();
      return t !== null && typeof t === 'object' && t._onTimeout === cs.getFunction();
    } catch (e) {
      return true;
    }
  }
  function frameText(cs) {
    const file = cs.getFileName();
    const line = cs.getLineNumber();
    let col = cs.getColumnNumber();
    if (line === 1 && isScriptFile(file)) col = firstLineColumn(col);
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
  // QuickJS's wording of the errors only node's model rewrites (the shared ones are in common.js).
  const NODE_V8_MESSAGES = [
    [/^'(.*)' is not defined$/, (m) => `${m[1]} is not defined`],
  ];
  function v8ify(err) { v8Words(err, NODE_V8_MESSAGES); }
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
  // The script's text from the error's place on (its first user frame when that frame is the
  // place the engine raised it): [text, index of the place], or null.
  function errorPlace(callsites) {
    const cs = callsites[0];
    if (!cs || (cs.isNative && cs.isNative()) || cs.getFileName() !== SCRIPT) return null;
    const line = cs.getLineNumber();
    let col = cs.getColumnNumber();
    if (line === 1) col = firstLineColumn(col);
    const lines = scriptLines();
    if (line < 1 || line > lines.length) return null;
    return [lines.slice(line - 1, line + 40).join('\n'), col - 1];
  }
  // The end of the expression part that starts at `p`: a name, a number or a string, or a
  // bracketed group, then property reads and calls.
  function expressionEnd(text, p) {
    let i = p;
    const group = (open, close) => {
      let depth = 0;
      for (; i < text.length; i++) {
        const c = text[i];
        if (c === '"' || c === "'" || c === '`') {
          const j = text.indexOf(c, i + 1);
          if (j < 0) return false;
          i = j;
        } else if (c === open) {
          depth++;
        } else if (c === close && --depth === 0) {
          i++;
          return true;
        }
      }
      return false;
    };
    let m;
    // `new X(...)`: the constructor, then its arguments
    if ((m = text.slice(i).match(/^new\s+(?=[A-Za-z_$])/))) i += m[0].length;
    const c = text[i];
    if (c === '{' || c === '[' || c === '(') {
      if (!group(c, { '{': '}', '[': ']', '(': ')' }[c])) return -1;
    } else if (c === '"' || c === "'") {
      const j = text.indexOf(c, i + 1);
      if (j < 0) return -1;
      i = j + 1;
    } else if ((m = text.slice(i).match(/^(?:[A-Za-z_$][\w$]*|\d+(?:\.\d+)?)/))) {
      i += m[0].length;
    } else {
      return -1;
    }
    for (;;) {
      if ((m = text.slice(i).match(/^\s*(?:\?\.|\.)\s*[A-Za-z_$][\w$]*/))) i += m[0].length;
      else if (/^\s*\(/.test(text.slice(i))) { i = text.indexOf('(', i); if (!group('(', ')')) return -1; }
      else if (/^\[/.test(text.slice(i))) { if (!group('[', ']')) return -1; }
      else return i;
    }
  }
  // The expression ending at `end`, as V8's CallPrinter prints it: [text, start] or null. A call
  // prints as `f(...)`.
  function printedBefore(text, end) {
    const at = { start: -1 };
    const printed = printReceiver(text.slice(0, end), at);
    return printed === null ? null : [printed, at.start];
  }
  // The engine says where a value is not iterable (vendor/rquickjs-sys/MINI-NODE.md) as a
  // built-in meets it: `number 5 is not iterable (cannot read property Symbol(Symbol.iterator))`.
  // At a for-of, a spread or an array pattern, V8 names the expression from the source instead:
  // `obj is not iterable`, `f is not a function or its return value is not iterable`; a spread
  // argument of a call: `u is not iterable (cannot read property undefined)`, or `Spread syntax
  // requires ...iterable[Symbol.iterator] to be a function`.
  function nameIterable(err, callsites) {
    if (!(err instanceof TypeError)) return;
    const m = /^(.+) is not iterable \(cannot read property Symbol\(Symbol\.iterator\)\)$/.exec(err.message);
    if (!m) return;
    const place = errorPlace(callsites);
    if (place === null) return;
    const [text, p] = place;
    const end = expressionEnd(text, p);
    if (end < 0) return;
    const printed = printedBefore(text, end);
    const before = printed === null ? text.slice(0, p).trimEnd() : text.slice(0, printed[1]).trimEnd();
    if (printed !== null && printed[0].endsWith('(...)') && !/(?:\.\.\.|\bof|=)$/.test(before)) {
      // the call itself: its spread argument is what is not iterable
      const open = text.indexOf('(', p);
      const spread = open < 0 ? -1 : text.indexOf('...', open);
      if (spread < 0) return;
      if (m[1] === 'undefined' || m[1] === 'object null') {
        const argEnd = expressionEnd(text, spread + 3 + (text.slice(spread + 3).match(/^\s*/)[0].length));
        const arg = argEnd < 0 ? null : printedBefore(text, argEnd);
        if (arg === null) return;
        err.message = `${arg[0]} is not iterable (cannot read property ${m[1] === 'undefined' ? 'undefined' : 'null'})`;
      } else {
        err.message = 'Spread syntax requires ...iterable[Symbol.iterator] to be a function';
      }
      return;
    }
    if (printed === null) return;
    const [name] = printed;
    let site;
    if (before.endsWith('...')) site = 'spread';
    else if (/\bof$/.test(before)) site = 'for-of';
    else if (/(?:^|[^=!<>])=$/.test(before)) site = 'pattern';
    else return;
    // an array pattern names only a name or a literal; anything else keeps the value's words
    if (site === 'pattern' && !/^(?:[A-Za-z_$][\w$]*|\{\}|\d[\d.]*|"[^"]*")$/.test(name)) return;
    let expr = text.slice(printed[1], end);
    while (/^\([^]*\)$/.test(expr)) expr = expr.slice(1, -1).trim();
    const ctor = expr.match(/^new\s+([A-Za-z_$][\w$.]*)\s*\(/);
    if (/^(?:async\s+)?function\b|^class\b|^\(?[\w$\s,]*\)?\s*=>/.test(expr)) err.message = '(intermediate value) is not iterable';
    else if (ctor) err.message = `${ctor[1]} is not a function or its return value is not iterable`;
    else if (name.endsWith('(...)')) err.message = `${name.slice(0, -5)} is not a function or its return value is not iterable`;
    else err.message = `${name} is not iterable`;
  }
  // The engine says `Cannot destructure 'undefined' as it is undefined.` at the pattern's first
  // property (its brace when empty). V8 names the property and the value's expression
  // (`Cannot destructure property 'a' of 'obj' as it is undefined.`), or for a parameter the value
  // (`'undefined'`, `'object null'`); a nested pattern or a default value reads the property
  // instead (`Cannot read properties of undefined (reading 'b')`).
  function nameDestructured(err, callsites) {
    if (!(err instanceof TypeError)) return;
    const m = /^Cannot destructure '(undefined|null)' as it is (?:undefined|null)\.$/.exec(err.message);
    if (!m) return;
    const what = m[1];
    const place = errorPlace(callsites);
    if (place === null) return;
    const [text, p] = place;
    // the engine's place: the first property's name, its target (`a: x`, `...rest`), or the
    // brace (an empty pattern, a computed name)
    const KEY = /(?:([A-Za-z_$][\w$]*)|'([^'\\]*)'|"([^"\\]*)"|(\d+))/;
    const before = (i) => text.slice(0, i).trimEnd().length - 1;
    let brace;
    let prop = null;
    let shorthandDefault = false;
    const q = before(p);
    if (text[p] === '{') {
      brace = p;
    } else if (text[q] === '{') {
      brace = q;
      const pm = text.slice(p).match(new RegExp('^' + KEY.source + '\\s*(=(?![=>]))?'));
      if (pm) {
        prop = pm[1] ?? pm[2] ?? pm[3] ?? pm[4];
        shorthandDefault = pm[1] !== undefined && pm[5] !== undefined;
      }
    } else if (text[q] === ':') {
      const km = text.slice(0, q).trimEnd().match(new RegExp(KEY.source + '$'));
      if (!km) return;
      prop = km[1] ?? km[2] ?? km[3] ?? km[4];
      brace = before(text.slice(0, q).trimEnd().length - km[0].length);
    } else if (text.slice(q - 2, q + 1) === '...') {
      brace = before(q - 2);
    } else {
      return;
    }
    if (text[brace] !== '{') return;
    // the bracket that holds the pattern, if any
    let depth = 0;
    let opener = -1;
    for (let i = brace - 1; i >= 0; i--) {
      const c = text[i];
      if (c === ')' || c === ']' || c === '}') depth++;
      else if (c === '(' || c === '[' || c === '{') {
        if (depth === 0) { opener = i; break; }
        depth--;
      }
    }
    // inside another pattern: after `key:`, or an element of an array pattern
    const prev = text.slice(0, brace).trimEnd().slice(-1);
    const nested = prev === ':' || prev === '[' || (prev === ',' && opener >= 0 && text[opener] === '[');
    if ((nested || shorthandDefault) && prop !== null) {
      err.message = `Cannot read properties of ${what} (reading '${prop}')`;
      return;
    }
    const close = expressionEnd(text, brace);
    if (close < 0) return;
    const after = text.slice(close);
    let source;
    let rm;
    if ((rm = after.match(/^\s*=(?![=>])\s*/))) {
      const rhs = close + rm[0].length;
      let i = rhs;
      let d = 0;
      for (; i < text.length; i++) {
        const c = text[i];
        if (c === '"' || c === "'" || c === '`') {
          const j = text.indexOf(c, i + 1);
          if (j < 0) return;
          i = j;
        } else if (c === '(' || c === '[' || c === '{') d++;
        else if (c === ')' || c === ']' || c === '}') { if (d === 0) break; d--; }
        else if (d === 0 && (c === ';' || c === ',' || c === '\n')) break;
      }
      let expr = text.slice(rhs, i).trim();
      while (/^\([^()]*\)$/.test(expr)) expr = expr.slice(1, -1).trim();
      const printed = printedBefore(expr, expr.length);
      if (printed !== null && printed[1] === 0) source = printed[0];
      else source = `(${expr.replace(/\s+/g, ' ')})`;
    } else if (/^\s*of\b/.test(after)) {
      source = '.for';
    } else if (opener >= 0 && /\bcatch\s*$/.test(text.slice(0, opener))) {
      source = '.catch';
    } else {
      // a parameter: V8 names the value
      source = what === 'undefined' ? 'undefined' : 'object null';
    }
    err.message = prop === null
      ? `Cannot destructure '${source}' as it is ${what}.`
      : `Cannot destructure property '${prop}' of '${source}' as it is ${what}.`;
  }
  // The expression that ends `src` (a method call's receiver), printed as V8's CallPrinter prints
  // it: arguments as `(...)`, `['k']` as `.k`, a non-empty object literal and `new X()` as
  // `(intermediate value)`, strings in double quotes. null when it cannot be read back.
  // (a bracket after one of these opens an expression; after a name it is a call or an index)
  const AFTER_KEYWORD = /\b(?:return|typeof|void|await|in|of|case|delete|throw|yield|else|do)$/;
  // With `at`, `at.start` is set to where the printed expression starts in `src`.
  function printReceiver(src, at) {
    let i = src.length;
    const parts = [];
    const done = (text, start) => {
      if (at) at.start = start;
      return text;
    };
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
        if (/^\{[^]*\}$/.test(inner)) return done((/^\{\s*\}$/.test(inner) ? '{}' : '{(intermediate value)}') + parts.join(''), i);
        return done(g + parts.join(''), i);
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
        if (items === '') return done('[]' + parts.join(''), i);
        const els = items.split(',').map((e) => e.trim());
        if (!els.every((e) => /^(?:-?\d+(?:\.\d+)?|[A-Za-z_$][\w$]*)$/.test(e))) return null;
        return done(`[${els.join(',')}]` + parts.join(''), i);
      }
      if (c === '}') {
        const g = group();
        if (g === null) return null;
        return done((/^\{\s*\}$/.test(g) ? '{}' : '{(intermediate value)}') + parts.join(''), i);
      }
      if (c === "'" || c === '"' || c === '`') {
        const j = src.lastIndexOf(c, i - 2);
        if (j < 0) return null;
        const body = src.slice(j + 1, i - 1);
        if (/["'`\\]|\$\{/.test(body)) return null;
        i = j;
        return done(`"${body}"` + parts.join(''), i);
      }
      // a number (V8 prints it as a number prints)
      if (parts.length === 0 && (m = src.slice(0, i).match(/(?:^|[^\w$.]|\.\.\.)(\d+(?:\.\d+)?)$/))) {
        return done(String(Number(m[1])), i - m[1].length);
      }
      // (a `...` before a name spreads it)
      if ((m = src.slice(0, i).match(/(\?\.|\.)\s*([A-Za-z_$][\w$]*)$/)) && !src.slice(0, i - m[0].length).endsWith('..')) {
        parts.unshift(m[1] + m[2]);
        i -= m[0].length;
        continue;
      }
      if ((m = src.slice(0, i).match(/[A-Za-z_$][\w$]*$/))) {
        const before = src.slice(0, i - m[0].length).trimEnd();
        // `new X(...)`, `new a.B(...)`: the new object is an intermediate value
        if (/\bnew$/.test(before)) {
          const args = parts.indexOf('(...)');
          return args < 0 ? null : done('(intermediate value)' + parts.slice(args + 1).join(''), before.length - 3);
        }
        if (/^(?:new|typeof|void|await|return)$/.test(m[0])) return null;
        // a primary expression: it must start the expression (after an operator or `(`)
        if (before !== '' && !/[=(,;:?!&|+\-*\/%<>{[.]$|\b(?:return|of)$|=>$/.test(before)) return null;
        return done(m[0] + parts.join(''), i - m[0].length);
      }
      return null;
    }
  }
  function prepareStackTrace(err, callsites) {
    try {
      v8ify(err);
      nameCallee(err, callsites);
      nameIterable(err, callsites);
      nameDestructured(err, callsites);
    } catch (e) { /* keep the engine's words */ }
    let head;
    try { head = errorHeader(err); } catch (e) { head = 'Error'; }
    const lines = [];
    let lastUser = null;
    // the stack's bottom was a runner of this prelude (else, below the last frame, a promise
    // job called by the loop's drain, unless the engine cut the stack at its limit)
    let bottom = false;
    // the line of node's a LIBRARY_FRAMES helper chose for the next library frame
    let at;
    for (let i = 0; i < callsites.length; i++) {
      const cs = callsites[i];
      const file = cs.getFileName();
      if (file === 'node:mini-node') {
        const fname = cs.getFunctionName();
        const lib = LIBRARY_FRAMES[fname];
        // (an error made inside the library itself, above any frame shown, keeps its own frames)
        if (lib !== undefined && lines.length > 0) {
          if (lib.text === undefined) {
            at = lib.at;
          } else {
            lines.push(lib.text(cs, at));
            at = undefined;
            lastUser = null;
          }
          continue;
        }
        const r = RUNNER_FRAMES[fname];
        if (r === undefined) continue;
        if (lastUser !== null && lines.length > 0) {
          const pname = lastUser.getFunctionName();
          const loc = lines[lines.length - 1].replace(/^[^(]*\(/, '').replace(/\)$/, '');
          if (r.rename) lines[lines.length - 1] = `${r.rename} (${loc})`;
          // (V8 finds the method's name on the receiver: a timer cleared by now holds no callback)
          else if (r.timer) lines[lines.length - 1] = timerHolds(lastUser) ? `Timeout.${pname ? pname + ' [as _onTimeout]' : '_onTimeout'} (${loc})` : `Timeout.${pname || '<anonymous>'} (${loc})`;
          else if (r.immediate) lines[lines.length - 1] = `Immediate.${pname || '<anonymous>'} (${loc})`;
        }
        for (const f of r.frames === null ? emitWithFrames : r.frames) lines.push(f);
        if (r.drain !== undefined) for (const f of drainFrames(r.drain)) lines.push(f);
        if (!r.resume) {
          bottom = true;
          break;
        }
        // skip the loader's own frames up to the requiring file's
        lastUser = null;
        while (i + 1 < callsites.length && callsites[i + 1].getFileName() === 'node:mini-node') i++;
        continue;
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
    // (the engine takes up to ENGINE_EXTRA_FRAMES more than the limit, at most 64: *Must* match
    // build_backtrace in vendor/rquickjs-sys/quickjs/quickjs.c)
    const cut = callsites.length >= Math.min(Math.max(0, Math.floor(limit)) + ENGINE_EXTRA_FRAMES, 64);
    if (!bottom && lines.length > 0 && !cut) for (const f of drainFrames('job')) lines.push(f);
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

