// assert.js: require('assert') and 'assert/strict': ok, equal, notEqual, strictEqual,
// notStrictEqual, deepEqual, deepStrictEqual and their negations, throws, doesNotThrow, rejects,
// doesNotReject, match, doesNotMatch, fail, ifError, AssertionError (code ERR_ASSERTION).
//
// HOW: each check throws an AssertionError (assertion_error.js: node's message texts and diffs);
// the deep checks use comparisons.js. assert.ok quotes the failing call from the script's source,
// as node does; assert.throws and doesNotThrow put node's own frames (getActual, Function.throws)
// into the caught error's stack, as node's stack has them.
// WHY: snippets check their own results, and a failed check must print what node prints;
// nothing here talks to Rust.
//
// Not provided (each throws an error naming it): assert.CallTracker, assert.fail with more than
// one argument (deprecated), assert.ok's message for a callee that is itself a call (`f()(x)`).
// Bridge names: none.

  // ---------------------------------------------------------------- assert
  function innerFail(obj) {
    if (obj.message instanceof Error) throw obj.message;
    if (obj.stackStartFn === undefined) obj.stackStartFn = 'fail';
    throw new AssertionError(obj);
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
