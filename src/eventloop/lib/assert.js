// assert.js: require('assert') and 'assert/strict': ok, equal, notEqual, strictEqual,
// notStrictEqual, deepEqual, deepStrictEqual and their negations, throws, doesNotThrow, rejects,
// doesNotReject, match, doesNotMatch, fail, ifError, AssertionError (code ERR_ASSERTION); the deep
// equality util.isDeepStrictEqual shares.
//
// HOW: each check throws an AssertionError whose message is node v20's: `a !== b` for short
// values, the `+ actual - expected` line diff of the inspected values (compact: false, sorted keys)
// for longer ones, with node's rules for folding identical lines (`...`, "Lines skipped") and the
// `^` under the first differing character of a one-line string. assert.ok quotes the failing
// call from the script's source, as node does. An uncaught AssertionError carries under
// `kNodeReport` (events.js) node's throw site in its assert module, which uncaught.js prints.
// WHY: snippets check their own results, and a failed check must print what node prints;
// nothing here talks to Rust.
//
// Not provided (each throws an error naming it): assert.CallTracker, assert.deepEqual's
// comparison of WeakMap / WeakSet contents (node never compares them either), the `diff` option.
// Bridge names: none.

  // ---------------------------------------------------------------- assert
  const kReadableOperator = {
    deepStrictEqual: 'Expected values to be strictly deep-equal:',
    strictEqual: 'Expected values to be strictly equal:',
    strictEqualObject: 'Expected "actual" to be reference-equal to "expected":',
    deepEqual: 'Expected values to be loosely deep-equal:',
    notDeepStrictEqual: 'Expected "actual" not to be strictly deep-equal to:',
    notStrictEqual: 'Expected "actual" to be strictly unequal to:',
    notStrictEqualObject: 'Expected "actual" not to be reference-equal to "expected":',
    notDeepEqual: 'Expected "actual" not to be loosely deep-equal to:',
    notIdentical: 'Values have same structure but are not reference-equal:',
    notDeepEqualUnequal: 'Expected values not to be loosely deep-equal:',
  };
  // node's own throw sites, by the function that threw (the head of its fatal report)
  const ASSERT_SITES = {
    fail: ['node:assert:90', '  throw new AssertionError(obj);'],
    ok: ['node:internal/assert/utils:281', '    throw err;'],
    failFn: ['node:assert:137', '  throw err;'],
    compareKey: ['node:assert:377', '      throw err;'],
    notObject: ['node:assert:416', '      throw err;'],
    expected: ['node:assert:491', '    throw err;'],
    ifError: ['node:assert:733', '    throw newErr;'],
    match: ['node:assert:768', '    throw err;'],
  };
  const PROMISE_SITE = ['node:internal/process/promises:391', '    triggerUncaughtException(err, true /* fromPromise */);'];
  function inspectValue(v) {
    return inspect(v, { compact: false, customInspect: false, depth: 1000, maxArrayLength: Infinity, showHidden: false, sorted: true, getters: true });
  }
  // The + actual - expected diff of two inspected values (node v20's createErrDiff).
  function createErrDiff(actual, expected, operator, custom) {
    let other = '';
    let res = '';
    let end = '';
    let skipped = false;
    const actualInspected = inspectValue(actual);
    const actualLines = actualInspected.split('\n');
    const expectedLines = inspectValue(expected).split('\n');
    let i = 0;
    let indicator = '';
    if (operator === 'strictEqual' &&
        ((typeof actual === 'object' && actual !== null && typeof expected === 'object' && expected !== null) ||
         (typeof actual === 'function' && typeof expected === 'function'))) {
      operator = 'strictEqualObject';
    }
    const header = custom !== undefined ? String(custom) : kReadableOperator[operator];
    if (actualLines.length === 1 && expectedLines.length === 1 && actualLines[0] !== expectedLines[0]) {
      const a = actualLines[0];
      const b = expectedLines[0];
      const inputLength = a.length + b.length;
      if (inputLength <= 12) {
        if ((typeof actual !== 'object' || actual === null) && (typeof expected !== 'object' || expected === null) && (actual !== 0 || expected !== 0)) {
          return `${header}\n\n${a} !== ${b}\n`;
        }
      } else if (operator !== 'strictEqualObject') {
        if (inputLength < 80) {
          while (a[i] === b[i]) i++;
          if (i > 2) {
            indicator = `\n  ${' '.repeat(i)}^`;
            i = 0;
          }
        }
      }
    }
    // identical last lines: keep up to three of them
    let a = actualLines[actualLines.length - 1];
    let b = expectedLines[expectedLines.length - 1];
    while (a === b) {
      if (i++ < 3) end = `\n  ${a}${end}`;
      else other = a;
      actualLines.pop();
      expectedLines.pop();
      if (actualLines.length === 0 || expectedLines.length === 0) break;
      a = actualLines[actualLines.length - 1];
      b = expectedLines[expectedLines.length - 1];
    }
    const maxLines = Math.max(actualLines.length, expectedLines.length);
    if (maxLines === 0) {
      const lines = actualInspected.split('\n');
      if (lines.length > 50) {
        lines[46] = '...';
        while (lines.length > 47) lines.pop();
      }
      return `${kReadableOperator.notIdentical}\n\n${lines.join('\n')}\n`;
    }
    if (i >= 5) {
      end = `\n...${end}`;
      skipped = true;
    }
    if (other !== '') {
      end = `\n  ${other}${end}`;
      other = '';
    }
    let printedLines = 0;
    let identical = 0;
    const msg = `${header}\n+ actual - expected`;
    const skippedMsg = ' ... Lines skipped';
    let lines = actualLines;
    let plusMinus = '+';
    let maxLength = expectedLines.length;
    if (actualLines.length < maxLines) {
      lines = expectedLines;
      plusMinus = '-';
      maxLength = actualLines.length;
    }
    // the identical lines before a difference: up to three, `...` for more than five
    const flushIdentical = (src) => {
      if (identical > 2) {
        if (identical > 3) {
          if (identical > 4) {
            if (identical === 5) {
              res += `\n  ${src[i - 3]}`;
              printedLines++;
            } else {
              res += '\n...';
              skipped = true;
            }
          }
          res += `\n  ${src[i - 2]}`;
          printedLines++;
        }
        res += `\n  ${src[i - 1]}`;
        printedLines++;
      }
      identical = 0;
    };
    for (i = 0; i < maxLines; i++) {
      if (maxLength < i + 1) {
        flushIdentical(lines);
        if (lines === actualLines) res += `\n${plusMinus} ${lines[i]}`;
        else other += `\n${plusMinus} ${lines[i]}`;
        printedLines++;
      } else {
        const expectedLine = expectedLines[i];
        let actualLine = actualLines[i];
        let diverging = actualLine !== expectedLine && (!actualLine.endsWith(',') || actualLine.slice(0, -1) !== expectedLine);
        if (diverging && expectedLine.endsWith(',') && expectedLine.slice(0, -1) === actualLine) {
          diverging = false;
          actualLine += ',';
        }
        if (diverging) {
          flushIdentical(actualLines);
          res += `\n+ ${actualLine}`;
          other += `\n- ${expectedLine}`;
          printedLines += 2;
        } else {
          res += other;
          other = '';
          identical++;
          if (identical <= 2) {
            res += `\n  ${actualLine}`;
            printedLines++;
          }
        }
      }
      if (printedLines > 50 && i < maxLines - 2) {
        return `${msg}${skippedMsg}\n${res}\n...${other}\n...`;
      }
    }
    return `${msg}${skipped ? skippedMsg : ''}\n${res}${other}${end}${indicator}`;
  }
  function copyError(source) {
    const target = Object.assign(Object.create(Object.getPrototypeOf(source)), source);
    Object.defineProperty(target, 'message', { value: source.message });
    return target;
  }
  function assertionMessage(actual, expected, operator, message) {
    if (message != null) {
      if (operator === 'deepStrictEqual' || operator === 'strictEqual') return createErrDiff(actual, expected, operator, message);
      return String(message);
    }
    if (typeof actual === 'object' && actual !== null && typeof expected === 'object' && expected !== null &&
        'stack' in actual && actual instanceof Error && 'stack' in expected && expected instanceof Error) {
      actual = copyError(actual);
      expected = copyError(expected);
    }
    if (operator === 'deepStrictEqual' || operator === 'strictEqual') return createErrDiff(actual, expected, operator);
    if (operator === 'notDeepStrictEqual' || operator === 'notStrictEqual') {
      let base = kReadableOperator[operator];
      const res = inspectValue(actual).split('\n');
      if (operator === 'notStrictEqual' && ((typeof actual === 'object' && actual !== null) || typeof actual === 'function')) {
        base = kReadableOperator.notStrictEqualObject;
      }
      if (res.length > 50) {
        res[46] = '...';
        while (res.length > 47) res.pop();
      }
      if (res.length === 1) return `${base}${res[0].length > 5 ? '\n\n' : ' '}${res[0]}`;
      return `${base}\n\n${res.join('\n')}\n`;
    }
    let res = inspectValue(actual);
    let other = inspectValue(expected);
    const known = kReadableOperator[operator];
    if (operator === 'notDeepEqual' && res === other) {
      res = `${known}\n\n${res}`;
      if (res.length > 1024) res = `${res.slice(0, 1021)}...`;
      return res;
    }
    if (res.length > 512) res = `${res.slice(0, 509)}...`;
    if (other.length > 512) other = `${other.slice(0, 509)}...`;
    if (operator === 'deepEqual') {
      res = `${known}\n\n${res}\n\nshould loosely deep-equal\n\n`;
    } else {
      const newOp = kReadableOperator[`${operator}Unequal`];
      if (newOp) res = `${newOp}\n\n${res}\n\nshould not loosely deep-equal\n\n`;
      else other = ` ${operator} ${other}`;
    }
    return `${res}${other}`;
  }
  class AssertionError extends Error {
    constructor(options) {
      if (options === null || typeof options !== 'object') throw invalidArgType('options', 'object', options);
      const { message, operator } = options;
      const { actual, expected } = options;
      super(assertionMessage(actual, expected, operator, message));
      const plain = errorHeader(this);
      this.generatedMessage = !message;
      Object.defineProperty(this, 'name', { value: 'AssertionError', enumerable: false, writable: true, configurable: true });
      this.code = 'ERR_ASSERTION';
      this.actual = actual;
      this.expected = expected;
      this.operator = operator;
      // node's stack header names the code
      const stack = this.stack;
      if (typeof stack === 'string' && stack.startsWith(plain)) {
        let frames = stack.slice(plain.length);
        // made by the script itself: node's stack starts in its constructor
        if (options.stackStartFn === undefined && frames.startsWith('\n    at ')) {
          const limit = typeof Error.stackTraceLimit === 'number' ? Error.stackTraceLimit : 10;
          frames = ['', '    at new AssertionError (node:internal/assert/assertion_error:454:5)', ...frames.split('\n').slice(1)].slice(0, limit + 1).join('\n');
        }
        this.stack = `AssertionError [ERR_ASSERTION]: ${this.message}${frames}`;
      }
      // thrown by one of the checks here (not made by the script): node's site in its assert module
      const site = typeof options.stackStartFn === 'string' ? ASSERT_SITES[options.stackStartFn] : undefined;
      if (site !== undefined) Object.defineProperty(this, kNodeReport, {
        value: (fromPromise) => {
          const [where, source] = fromPromise ? PROMISE_SITE : site;
          return nodeSite(where, source) + '\n' + inspect(this, { depth: 5, customInspect: false }) + '\n';
        },
        configurable: true,
      });
    }
    toString() { return `${this.name} [${this.code}]: ${this.message}`; }
    [Symbol.for('nodejs.util.inspect.custom')](recurseTimes, ctx) {
      const tmpActual = this.actual;
      const tmpExpected = this.expected;
      if (typeof this.actual === 'string') this.actual = addEllipsis(this.actual);
      if (typeof this.expected === 'string') this.expected = addEllipsis(this.expected);
      const result = inspect(this, { ...ctx, customInspect: false, depth: 0 });
      this.actual = tmpActual;
      this.expected = tmpExpected;
      return result;
    }
  }
  function addEllipsis(string) {
    const lines = string.split('\n', 11);
    if (lines.length > 10) {
      lines.length = 10;
      return `${lines.join('\n')}\n...`;
    } else if (string.length > 512) {
      return `${string.slice(512)}...`;
    }
    return string;
  }
  function innerFail(obj) {
    if (obj.message instanceof Error) throw obj.message;
    if (obj.stackStartFn === undefined) obj.stackStartFn = 'fail';
    throw new AssertionError(obj);
  }
  // ---- deep equality (node's isDeepEqual / isDeepStrictEqual)
  const STRICT = true;
  const LOOSE = false;
  function isDeepEqual(a, b, strict, memo) {
    if (strict ? Object.is(a, b) : a === b) return true;
    if (strict) {
      if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
      if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false;
    } else {
      if (a === null || typeof a !== 'object') {
        if (b === null || typeof b !== 'object') return a == b || (Number.isNaN(a) && Number.isNaN(b)); // eslint-disable-line eqeqeq
        return false;
      }
      if (b === null || typeof b !== 'object') return false;
    }
    const tag = Object.prototype.toString.call(a);
    if (tag !== Object.prototype.toString.call(b)) return false;
    if (memo === undefined) memo = [];
    for (const [x, y] of memo) if (x === a && y === b) return true;
    memo.push([a, b]);
    try {
      return deepCompare(a, b, strict, memo, tag);
    } finally {
      memo.pop();
    }
  }
  function ownKeys(o, strict) {
    const keys = Object.keys(o);
    if (strict) for (const s of Object.getOwnPropertySymbols(o)) if (Object.prototype.propertyIsEnumerable.call(o, s)) keys.push(s);
    return keys;
  }
  function deepCompare(a, b, strict, memo, tag) {
    if (Array.isArray(a)) {
      if (!Array.isArray(b) || a.length !== b.length) return false;
    } else if (tag === '[object Object]' || tag === '[object Arguments]') {
      // plain objects: keys below
    } else if (a instanceof Date) {
      if (!(b instanceof Date) || a.getTime() !== b.getTime()) return false;
    } else if (a instanceof RegExp) {
      if (!(b instanceof RegExp) || a.source !== b.source || a.flags !== b.flags || a.lastIndex !== b.lastIndex) return false;
    } else if (isError(a)) {
      if (!isError(b) || a.message !== b.message || a.name !== b.name) return false;
    } else if (ArrayBuffer.isView(a)) {
      if (!ArrayBuffer.isView(b) || a.byteLength !== b.byteLength) return false;
      if (!strict && (a instanceof Float32Array || a instanceof Float64Array)) {
        for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
      } else {
        const x = new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
        const y = new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
        for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return false;
      }
      const ka = ownKeys(a, strict).filter((k) => typeof k !== 'string' || !/^\d+$/.test(k));
      const kb = ownKeys(b, strict).filter((k) => typeof k !== 'string' || !/^\d+$/.test(k));
      return sameKeys(a, b, ka, kb, strict, memo);
    } else if (a instanceof Set) {
      if (!(b instanceof Set) || a.size !== b.size) return false;
      if (!setEquiv(a, b, strict, memo)) return false;
    } else if (a instanceof Map) {
      if (!(b instanceof Map) || a.size !== b.size) return false;
      if (!mapEquiv(a, b, strict, memo)) return false;
    } else if (a instanceof Number || a instanceof String || a instanceof Boolean || a instanceof BigInt || a instanceof Symbol) {
      if (!Object.is(a.valueOf(), b.valueOf())) return false;
    } else if (a instanceof WeakMap || a instanceof WeakSet || a instanceof Promise) {
      // compared by their keys only, as node does
    }
    return sameKeys(a, b, ownKeys(a, strict), ownKeys(b, strict), strict, memo);
  }
  function sameKeys(a, b, ka, kb, strict, memo) {
    if (ka.length !== kb.length) return false;
    for (const k of ka) {
      if (!Object.prototype.propertyIsEnumerable.call(b, k)) return false;
    }
    for (const k of ka) {
      if (!isDeepEqual(a[k], b[k], strict, memo)) return false;
    }
    return true;
  }
  function setEquiv(a, b, strict, memo) {
    const rest = [];
    for (const v of a) {
      if (b.has(v)) continue;
      if (typeof v !== 'object' && strict) return false;
      rest.push(v);
    }
    if (rest.length === 0) return true;
    const candidates = [];
    for (const v of b) if (!a.has(v)) candidates.push(v);
    for (const v of rest) {
      const i = candidates.findIndex((w) => isDeepEqual(v, w, strict, memo));
      if (i < 0) return false;
      candidates.splice(i, 1);
    }
    return true;
  }
  function mapEquiv(a, b, strict, memo) {
    const rest = [];
    for (const [k, v] of a) {
      if (b.has(k)) {
        if (isDeepEqual(v, b.get(k), strict, memo)) continue;
        if (typeof k !== 'object' || k === null) return false;
      } else if (strict && (typeof k !== 'object' || k === null)) {
        return false;
      }
      rest.push([k, v]);
    }
    if (rest.length === 0) return true;
    const candidates = [];
    for (const e of b) if (!a.has(e[0])) candidates.push(e);
    for (const [k, v] of rest) {
      const i = candidates.findIndex(([k2, v2]) => isDeepEqual(k, k2, strict, memo) && isDeepEqual(v, v2, strict, memo));
      if (i < 0) return false;
      candidates.splice(i, 1);
    }
    return true;
  }
  // ---- the source of a failed assert.ok call, as node quotes it
  function failedCallSource() {
    const saved = Error.prepareStackTrace;
    let cs;
    try {
      Error.prepareStackTrace = (e, sites) => sites;
      const o = {};
      Error.captureStackTrace(o);
      cs = o.stack;
    } finally {
      Error.prepareStackTrace = saved;
    }
    if (!Array.isArray(cs)) return null;
    const site = cs.find((c) => isScriptFile(c.getFileName()));
    if (site === undefined) return null;
    const file = site.getFileName();
    let lines;
    if (file === SCRIPT) lines = scriptLines();
    else {
      try { lines = syncOps.readFile(file, 'utf8').split(/\r?\n/); } catch (e) { return null; }
    }
    const line = site.getLineNumber();
    let col = site.getColumnNumber();
    if (line === 1 && file === SCRIPT) col = firstLineColumn(col);
    const text = lines[line - 1];
    if (text === undefined) return null;
    // the callee (`assert`, `assert.ok`, `a.strict.ok`) that ends at or starts at the column
    let start = col - 1;
    while (start > 0 && /[\w$.]/.test(text[start - 1])) start--;
    // a callee that is itself a call (`f()(x)`): node quotes the inner call, not handled here
    if (!/[A-Za-z_$]/.test(text[start] || '')) return null;
    const rest = [text.slice(start), ...lines.slice(line)].join('\n');
    const open = rest.search(/\(/);
    if (open < 0 || !/^[\w$.\s]*$/.test(rest.slice(0, open))) return null;
    let depth = 0;
    let quote = null;
    for (let i = open; i < rest.length; i++) {
      const c = rest[i];
      if (quote !== null) {
        if (c === '\\') i++;
        else if (c === quote) quote = null;
        continue;
      }
      if (c === '"' || c === "'" || c === '`') quote = c;
      else if (c === '(' || c === '[' || c === '{') depth++;
      else if (c === ')' || c === ']' || c === '}') {
        depth--;
        if (depth === 0) {
          const frames = rest.slice(0, i + 1).split('\n');
          let message = frames.shift();
          for (const frame of frames) {
            let pos = 0;
            while (pos < start && (frame[pos] === ' ' || frame[pos] === '\t')) pos++;
            message += `\n  ${frame.slice(pos)}`;
          }
          return `The expression evaluated to a falsy value:\n\n  ${message}\n`;
        }
      }
    }
    return null;
  }
  function innerOk(argLen, value, message) {
    if (value) return;
    let generatedMessage = false;
    if (argLen === 0) {
      generatedMessage = true;
      message = 'No value argument passed to `assert.ok()`';
    } else if (message == null) {
      generatedMessage = true;
      message = failedCallSource();
      if (message === null) throw notProvided("assert.ok's generated message for a call it cannot read back from the source");
    } else if (message instanceof Error) {
      throw message;
    }
    const err = new AssertionError({ actual: value, expected: true, message, operator: '==', stackStartFn: 'ok' });
    err.generatedMessage = generatedMessage;
    throw err;
  }
  function assert(...args) { innerOk(args.length, ...args); }
  function checkValueArgs(n) {
    if (n < 2) {
      const e = new TypeError('The "actual" and "expected" arguments must be specified');
      e.code = 'ERR_MISSING_ARGS';
      throw e;
    }
  }
  const assertMethods = {
    ok(...args) { innerOk(args.length, ...args); },
    fail(message) {
      if (arguments.length > 1) throw notProvided('assert.fail with more than one argument (deprecated in node)');
      if (message instanceof Error) throw message;
      const err = new AssertionError({ message: message == null ? 'Failed' : message, operator: 'fail', stackStartFn: 'failFn' });
      if (message == null) err.generatedMessage = true;
      throw err;
    },
    equal(actual, expected, message) {
      checkValueArgs(arguments.length);
      // eslint-disable-next-line eqeqeq
      if (actual != expected && (!Number.isNaN(actual) || !Number.isNaN(expected))) innerFail({ actual, expected, message, operator: '==' });
    },
    notEqual(actual, expected, message) {
      checkValueArgs(arguments.length);
      // eslint-disable-next-line eqeqeq
      if (actual == expected || (Number.isNaN(actual) && Number.isNaN(expected))) innerFail({ actual, expected, message, operator: '!=' });
    },
    deepEqual(actual, expected, message) {
      checkValueArgs(arguments.length);
      if (!isDeepEqual(actual, expected, LOOSE)) innerFail({ actual, expected, message, operator: 'deepEqual' });
    },
    notDeepEqual(actual, expected, message) {
      checkValueArgs(arguments.length);
      if (isDeepEqual(actual, expected, LOOSE)) innerFail({ actual, expected, message, operator: 'notDeepEqual' });
    },
    deepStrictEqual(actual, expected, message) {
      checkValueArgs(arguments.length);
      if (!isDeepEqual(actual, expected, STRICT)) innerFail({ actual, expected, message, operator: 'deepStrictEqual' });
    },
    notDeepStrictEqual(actual, expected, message) {
      checkValueArgs(arguments.length);
      if (isDeepEqual(actual, expected, STRICT)) innerFail({ actual, expected, message, operator: 'notDeepStrictEqual' });
    },
    strictEqual(actual, expected, message) {
      checkValueArgs(arguments.length);
      if (!Object.is(actual, expected)) innerFail({ actual, expected, message, operator: 'strictEqual' });
    },
    notStrictEqual(actual, expected, message) {
      checkValueArgs(arguments.length);
      if (Object.is(actual, expected)) innerFail({ actual, expected, message, operator: 'notStrictEqual' });
    },
    throws(promiseFn, ...args) { expectsError('throws', getActual(promiseFn, this, 'throws (node:assert:644:24)'), ...args); },
    async rejects(promiseFn, ...args) { expectsError('rejects', await waitForActual(promiseFn), ...args); },
    doesNotThrow(fn, ...args) { expectsNoError('doesNotThrow', getActual(fn, this, 'doesNotThrow (node:assert:664:32)'), ...args); },
    async doesNotReject(fn, ...args) { expectsNoError('doesNotReject', await waitForActual(fn), ...args); },
    ifError(err) {
      if (err === null || err === undefined) return;
      let message = 'ifError got unwanted exception: ';
      if (typeof err === 'object' && typeof err.message === 'string') {
        if (err.message.length === 0 && err.constructor) message += err.constructor.name;
        else message += err.message;
      } else {
        message += inspect(err);
      }
      const newErr = new AssertionError({ actual: err, expected: null, operator: 'ifError', message, stackStartFn: 'ifError' });
      const origStack = err.stack;
      if (typeof origStack === 'string') {
        const origStackStart = origStack.indexOf('\n    at');
        if (origStackStart !== -1) {
          const originalFrames = origStack.slice(origStackStart + 1).split('\n');
          let newFrames = newErr.stack.split('\n');
          for (const errFrame of originalFrames) {
            const pos = newFrames.indexOf(errFrame);
            if (pos !== -1) { newFrames = newFrames.slice(0, pos); break; }
          }
          newErr.stack = `${newFrames.join('\n')}\n${originalFrames.join('\n')}`;
        }
      }
      throw newErr;
    },
    match(string, regexp, message) { internalMatch(string, regexp, message, 'match'); },
    doesNotMatch(string, regexp, message) { internalMatch(string, regexp, message, 'doesNotMatch'); },
  };
  const NO_EXCEPTION = {};
  // Calls fn and answers what it threw. The error's stack gets node's frames of assert.throws /
  // doesNotThrow between fn's frames and the caller's, as node's stack has them.
  function getActual(fn, receiver, frame) {
    if (typeof fn !== 'function') throw invalidArgType('fn', 'function', fn);
    const here = {};
    Error.captureStackTrace(here);
    try { fn(); } catch (e) {
      try { addAssertFrames(e, here.stack, receiver, frame); } catch (e2) { /* keep the stack */ }
      return e;
    }
    return NO_EXCEPTION;
  }
  function addAssertFrames(err, callerStack, receiver, frame) {
    if (err === null || typeof err !== 'object' || typeof err.stack !== 'string') return;
    const callers = String(callerStack).split('\n').slice(1);
    if (callers.length === 0) return;
    const lines = err.stack.split('\n');
    const at = lines.indexOf(callers[0]);
    if (at < 1) return;
    const type = typeof receiver === 'function' ? 'Function.' : '';
    lines.splice(at, 0, '    at getActual (node:assert:498:5)', `    at ${type}${frame}`);
    const firstFrame = lines.findIndex((l) => l.startsWith('    at '));
    const limit = typeof Error.stackTraceLimit === 'number' ? Error.stackTraceLimit : 10;
    err.stack = lines.slice(0, firstFrame + limit).join('\n');
  }
  function isThenable(v) { return v !== null && (typeof v === 'object' || typeof v === 'function') && typeof v.then === 'function' && typeof v.catch === 'function'; }
  async function waitForActual(promiseFn) {
    let resultPromise;
    if (typeof promiseFn === 'function') {
      resultPromise = promiseFn();
      if (!isThenable(resultPromise)) {
        const e = new TypeError(`Expected instance of Promise to be returned from the "promiseFn" function but got ${resultPromise === null ? 'null' : typeof resultPromise === 'object' || typeof resultPromise === 'function' ? `instance of ${getCtorName(resultPromise) || 'Object'}` : `type ${typeof resultPromise} (${inspect(resultPromise)})`}.`);
        e.code = 'ERR_INVALID_RETURN_VALUE';
        throw e;
      }
    } else if (isThenable(promiseFn)) {
      resultPromise = promiseFn;
    } else {
      throw invalidArgType('promiseFn', 'function or an instance of Promise', promiseFn);
    }
    try { await resultPromise; } catch (e) { return e; }
    return NO_EXCEPTION;
  }
  function expectsError(stackStartFn, actual, error, message) {
    if (typeof error === 'string') {
      if (arguments.length === 4) throw invalidArgType('error', 'Object, Error, Function, or RegExp', error);
      message = error;
      error = undefined;
    } else if (error != null && typeof error !== 'object' && typeof error !== 'function') {
      throw invalidArgType('error', 'Object, Error, Function, or RegExp', error);
    }
    if (actual === NO_EXCEPTION) {
      let details = '';
      if (error && error.name) details += ` (${error.name})`;
      details += message ? `: ${message}` : '.';
      const fnType = stackStartFn === 'rejects' ? 'rejection' : 'exception';
      innerFail({ actual: undefined, expected: error, operator: stackStartFn, message: `Missing expected ${fnType}${details}` });
    }
    if (!error) return;
    expectedException(actual, error, message, stackStartFn);
  }
  class Comparison {
    constructor(obj, keys, actual) {
      for (const key of keys) {
        if (key in obj) {
          if (actual !== undefined && typeof actual[key] === 'string' && obj[key] instanceof RegExp && obj[key].exec(actual[key]) !== null) {
            this[key] = actual[key];
          } else {
            this[key] = obj[key];
          }
        }
      }
    }
  }
  function expectedException(actual, expected, message, fn) {
    let generatedMessage = false;
    let throwError = false;
    if (typeof expected !== 'function') {
      if (expected instanceof RegExp) {
        const str = String(actual);
        if (expected.exec(str) !== null) return;
        if (!message) {
          generatedMessage = true;
          message = `The input did not match the regular expression ${inspect(expected)}. Input:\n\n${inspect(str)}\n`;
        }
        throwError = true;
      } else if (typeof actual !== 'object' || actual === null) {
        const err = new AssertionError({ actual, expected, message, operator: 'deepStrictEqual', stackStartFn: 'notObject' });
        err.operator = fn;
        throw err;
      } else {
        const keys = Object.keys(expected);
        if (expected instanceof Error) keys.push('name', 'message');
        else if (keys.length === 0) {
          const e = new TypeError(`The argument 'error' may not be an empty object. Received {}`);
          e.code = 'ERR_INVALID_ARG_VALUE';
          throw e;
        }
        for (const key of keys) {
          if (typeof actual[key] === 'string' && expected[key] instanceof RegExp && expected[key].exec(actual[key]) !== null) continue;
          if (!(key in actual) || !isDeepEqual(actual[key], expected[key], STRICT)) {
            if (!message) {
              const a = new Comparison(actual, keys);
              const b = new Comparison(expected, keys, actual);
              const err = new AssertionError({ actual: a, expected: b, operator: 'deepStrictEqual', stackStartFn: 'compareKey' });
              err.actual = actual;
              err.expected = expected;
              err.operator = fn;
              throw err;
            }
            innerFail({ actual, expected, message, operator: fn });
          }
        }
        return;
      }
    } else if (expected.prototype !== undefined && actual instanceof expected) {
      return;
    } else if (Object.prototype.isPrototypeOf.call(Error, expected)) {
      if (!message) {
        generatedMessage = true;
        message = `The error is expected to be an instance of "${expected.name}". Received `;
        if (isError(actual)) {
          const name = (actual.constructor && actual.constructor.name) || actual.name;
          if (expected.name === name) message += 'an error with identical name but a different prototype.';
          else message += `"${name}"`;
          if (actual.message) message += `\n\nError message:\n\n${actual.message}`;
        } else {
          message += `"${inspect(actual, { depth: -1 })}"`;
        }
      }
      throwError = true;
    } else {
      const res = Reflect.apply(expected, {}, [actual]);
      if (res !== true) {
        if (!message) {
          generatedMessage = true;
          const name = expected.name ? `"${expected.name}" ` : '';
          message = `The ${name}validation function is expected to return "true". Received ${inspect(res)}`;
          if (isError(actual)) message += `\n\nCaught error:\n\n${actual}`;
        }
        throwError = true;
      }
    }
    if (throwError) {
      const err = new AssertionError({ actual, expected, message, operator: fn, stackStartFn: 'expected' });
      err.generatedMessage = generatedMessage;
      throw err;
    }
  }
  function hasMatchingError(actual, expected) {
    if (typeof expected !== 'function') {
      if (expected instanceof RegExp) return expected.exec(String(actual)) !== null;
      throw invalidArgType('expected', 'Function or RegExp', expected);
    }
    if (expected.prototype !== undefined && actual instanceof expected) return true;
    if (Object.prototype.isPrototypeOf.call(Error, expected)) return false;
    return Reflect.apply(expected, {}, [actual]) === true;
  }
  function expectsNoError(stackStartFn, actual, error, message) {
    if (actual === NO_EXCEPTION) return;
    if (typeof error === 'string') {
      message = error;
      error = undefined;
    }
    if (!error || hasMatchingError(actual, error)) {
      const details = message ? `: ${message}` : '.';
      const fnType = stackStartFn === 'doesNotReject' ? 'rejection' : 'exception';
      innerFail({ actual, expected: error, operator: stackStartFn, message: `Got unwanted ${fnType}${details}\nActual message: "${actual && actual.message}"` });
    }
    throw actual;
  }
  function internalMatch(string, regexp, message, fn) {
    if (!(regexp instanceof RegExp)) throw invalidArgType('regexp', 'an instance of RegExp', regexp);
    const match = fn === 'match';
    if (typeof string !== 'string' || (regexp.exec(string) !== null) !== match) {
      if (message instanceof Error) throw message;
      const generatedMessage = !message;
      message = message || (typeof string !== 'string'
        ? `The "string" argument must be of type string. Received type ${typeof string} (${inspect(string)})`
        : (match ? 'The input did not match the regular expression ' : 'The input was expected to not match the regular expression ') +
          `${inspect(regexp)}. Input:\n\n${inspect(string)}\n`);
      const err = new AssertionError({ actual: string, expected: regexp, message, operator: fn, stackStartFn: 'match' });
      err.generatedMessage = generatedMessage;
      throw err;
    }
  }
  Object.assign(assert, assertMethods, { AssertionError });
  assert.CallTracker = function CallTracker() { throw notProvided('assert.CallTracker'); };
  function strict(...args) { innerOk(args.length, ...args); }
  Object.assign(strict, assert, {
    equal: assert.strictEqual,
    deepEqual: assert.deepStrictEqual,
    notEqual: assert.notStrictEqual,
    notDeepEqual: assert.notDeepStrictEqual,
  });
  assert.strict = strict;
  strict.strict = strict;
