// assertion_error.js: assert's AssertionError and the text of its messages, as node v20 words
// them (node's lib/internal/assert/assertion_error.js).
//
// HOW: `a !== b` for short values; for longer ones the `+ actual - expected` line diff of the
// inspected values (compact: false, sorted keys, getters), with node's rules for folding
// identical lines (`...`, "Lines skipped") and the `^` under the first differing character of a
// one-line string. An AssertionError thrown by one of assert's checks carries under `kNodeReport`
// (events.js) node's throw site in its assert module, which uncaught.js prints; the `stackStartFn`
// option names that site (a key of ASSERT_SITES). One made by the script itself has node's
// constructor frame on its stack.
// WHY: a failed check must print what node prints; nothing here talks to Rust.
//
// Bridge names: none.

  // ---------------------------------------------------------------- AssertionError
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
