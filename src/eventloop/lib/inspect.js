// inspect.js: util.inspect, util.format and what they build on, as node v20 prints values.
//
// HOW: a port of the core of node's lib/internal/util/inspect.js (formatValue, formatRaw,
// groupArrayElements, reduceToSingleString, formatWithOptions), cut to the types a teaching
// snippet prints. Promise states are read through the native `mn.promiseState`, which QuickJS
// knows and JavaScript cannot see.
// WHY: console.log output is most of what the golden tests compare with node.
//
// Shared with Rust: mn.promiseState(value) answers [state, value], state 0 pending, 1 fulfilled,
// 2 rejected (and 2 for an object that only inherits from Promise); *Must* match
// quickjs::promise_state in src/eventloop/quickjs.rs and its entry in BRIDGE in
// src/eventloop/host/bridge.rs.

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
      case 'string': {
        let trailer = '';
        if (ctx !== undefined && v.length > ctx.maxStringLength) {
          const remaining = v.length - ctx.maxStringLength;
          v = v.slice(0, ctx.maxStringLength);
          trailer = `... ${remaining} more character${remaining > 1 ? 's' : ''}`;
        }
        // a long string is printed line by line, joined with ' +'
        if (ctx !== undefined && ctx.compact !== true && v.length > 16 && v.length > ctx.breakLength - ctx.indentationLvl - 4) {
          const lines = v.split('\n').map((l, i, all) => (i < all.length - 1 ? l + '\n' : l)).filter((l) => l !== '');
          if (lines.length === 0) lines.push('');
          return lines.map(strEscape).join(` +\n${' '.repeat(ctx.indentationLvl + 2)}`) + trailer;
        }
        return strEscape(v) + trailer;
      }
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
      if (d !== undefined && typeof d.value === 'function' && d.value.name !== '' && isInstanceof(obj, d.value)) return d.value.name;
      o = Object.getPrototypeOf(o);
    }
    return null;
  }
  function isInstanceof(obj, ctor) {
    try { return obj instanceof ctor; } catch (e) { return false; }
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
  function formatError(err, ctx, keys, ctorName, prefixFor) {
    let stack = null;
    try { stack = err.stack; } catch (e) { stack = null; }
    let s = typeof stack === 'string' && stack ? stack : errorHeader(err);
    let name = 'Error';
    try { if (err.name != null) name = String(err.name); } catch (e) { /* as node: Error */ }
    s = improveStack(s, ctorName, name, prefixFor);
    const hasFrames = /\n\s+at /.test(s);
    if (!hasFrames) s = `[${s}]`;
    if (ctx.indentationLvl !== 0) {
      const ind = ' '.repeat(ctx.indentationLvl);
      s = s.split('\n').join('\n' + ind);
    }
    return s;
  }
  // node's improveStack: an error whose class (or tag) its stack's first line does not name
  // shows them (`MyError: x`, `RangeError [Error]: x`); only for errors that look regular.
  function improveStack(stack, ctorName, name, prefixFor) {
    let len = name.length;
    if (ctorName === null || (name.endsWith('Error') && stack.startsWith(name) && (stack.length === len || stack[len] === ':' || stack[len] === '\n'))) {
      let fallback = 'Error';
      if (ctorName === null) {
        const start = /^([A-Z][a-z_ A-Z0-9[\]()-]+)(?::|\n\s+at)/.exec(stack) || /^([a-z_A-Z0-9-]*Error)$/.exec(stack);
        fallback = (start && start[1]) || '';
        len = fallback.length;
        fallback = fallback || 'Error';
      }
      const prefix = prefixFor(fallback).slice(0, -1);
      if (name !== prefix) {
        if (prefix.includes(name)) stack = len === 0 ? `${prefix}: ${stack}` : `${prefix}${stack.slice(len)}`;
        else stack = `${prefix} [${name}]${stack.slice(len)}`;
      }
    }
    return stack;
  }
  function inspect(value, opts, legacyDepth, legacyColors) {
    const ctx = {
      seen: [], circular: undefined, indentationLvl: 0, currentDepth: 0,
      depth: 2, breakLength: 80, compact: 3, showHidden: false, maxArrayLength: 100, maxStringLength: 10000,
      customInspect: true, sorted: false, getters: false, userOptions: undefined,
    };
    if (opts !== null && typeof opts === 'object') {
      Object.assign(ctx, opts);
      ctx.userOptions = opts;
    } else {
      // the legacy form inspect(value, showHidden, depth, colors)
      if (typeof opts === 'boolean') ctx.showHidden = opts;
      if (arguments.length >= 3 && legacyDepth !== undefined) ctx.depth = legacyDepth;
      if (arguments.length >= 4) ctx.colors = legacyColors;
    }
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
    if (ctx.customInspect) {
      let maybeCustom;
      try { maybeCustom = value[customInspectSymbol]; } catch (e) { maybeCustom = undefined; }
      if (typeof maybeCustom === 'function' && maybeCustom !== inspect && !(value.constructor && value.constructor.prototype === value)) {
        const depth = ctx.depth === Infinity ? null : ctx.depth - recurseTimes;
        const ret = maybeCustom.call(value, depth, userOptionsOf(ctx), inspect);
        if (ret !== value) {
          if (typeof ret !== 'string') return formatValue(ctx, ret, recurseTimes);
          return ret.split('\n').join(`\n${' '.repeat(ctx.indentationLvl)}`);
        }
      }
    }
    return formatRaw(ctx, value, recurseTimes, typedArray);
  }
  const customInspectSymbol = Symbol.for('nodejs.util.inspect.custom');
  // the options a custom inspect function receives (node's getUserOptions)
  function userOptionsOf(ctx) {
    return {
      stylize: (s) => s, showHidden: ctx.showHidden, depth: ctx.depth === Infinity ? null : ctx.depth, colors: false,
      customInspect: ctx.customInspect, showProxy: false, maxArrayLength: ctx.maxArrayLength, maxStringLength: 10000,
      breakLength: ctx.breakLength, compact: ctx.compact, sorted: ctx.sorted, getters: ctx.getters, numericSeparator: false,
      ...ctx.userOptions,
    };
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
      const label = desc.set !== undefined ? 'Getter/Setter' : 'Getter';
      if (ctx.getters && (ctx.getters === true || (ctx.getters === 'get' && desc.set === undefined) || (ctx.getters === 'set' && desc.set !== undefined))) {
        try {
          const tmp = desc.get.call(value);
          ctx.indentationLvl += 2;
          if (tmp === null) str = `[${label}: null]`;
          else if (typeof tmp === 'object') str = `[${label}] ${formatValue(ctx, tmp, recurseTimes)}`;
          else str = `[${label}: ${formatPrimitive(tmp, ctx)}]`;
          ctx.indentationLvl -= 2;
        } catch (err) {
          str = `[${label}: <Inspection threw (${err.message})>]`;
        }
      } else {
        str = `[${label}]`;
      }
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
    // the tag, listed only when it is not an own enumerable property (printed among the keys)
    let tag = '';
    try { tag = value[Symbol.toStringTag]; } catch (e) { tag = ''; }
    if (typeof tag !== 'string' || (tag !== '' && (ctx.showHidden ? Object.prototype.hasOwnProperty : Object.prototype.propertyIsEnumerable).call(value, Symbol.toStringTag))) tag = '';
    // node's getPrefix(constructor, tag, fallback, size)
    const prefixFor = (fallback, size) => {
      const sz = size === undefined ? '' : `(${size})`;
      if (ctorName === null) return tag !== '' && fallback !== tag ? `[${fallback}${sz}: null prototype] [${tag}] ` : `[${fallback}${sz}: null prototype] `;
      if (tag !== '' && ctorName !== tag) return `${ctorName}${sz} [${tag}] `;
      return `${ctorName}${sz} `;
    };
    // node's getKeys: showHidden adds the non-enumerable ones
    keys = ctx.showHidden ? Object.getOwnPropertyNames(value) : Object.keys(value);
    let syms = Object.getOwnPropertySymbols(value);
    if (!ctx.showHidden) syms = syms.filter((s) => Object.prototype.propertyIsEnumerable.call(value, s));
    if (Array.isArray(value)) {
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
        // node's Buffer.prototype[inspect]: `<Buffer ${hex bytes}>`, so an empty one is `<Buffer >`.
        const bytes = [];
        const n = Math.min(value.length, 50);
        for (let i = 0; i < n; i++) bytes.push(value[i].toString(16).padStart(2, '0'));
        let s = bytes.join(' ');
        const remaining = value.length - 50;
        if (remaining > 0) s += ` ... ${remaining} more byte${remaining > 1 ? 's' : ''}`;
        return `<Buffer ${s}>`;
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
        if (!ctx.showHidden) keys = keys.filter((k) => k !== 'prototype');
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
        base = formatError(value, ctx, keys, ctorName, prefixFor);
        keys = keys.filter((k) => k !== 'stack' && k !== 'message');
        // as node's formatError: the cause, and the errors of an AggregateError
        if ('cause' in value && !keys.includes('cause')) keys.push('cause');
        if (Array.isArray(value.errors) && !keys.includes('errors')) keys.push('errors');
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
        if (tag !== '' && tag !== ctorName) prefix = `${prefix || 'Object '}[${tag}] `;
        braces = [`${prefix}{`, '}'];
        if (keys.length === 0) {
          return `${prefix}{}`;
        }
      }
    } else {
      keys = keys.concat(syms);
    }
    if (recurseTimes > ctx.depth) {
      const name = prefixFor('Object').slice(0, -1);
      return ctorName !== null ? `[${name}]` : name;
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
    if (ctx.sorted) {
      const comparator = ctx.sorted === true ? undefined : ctx.sorted;
      if (extrasType === kObjectType) output = output.sort(comparator);
      else if (keys.length > 1) {
        const sorted = output.slice(output.length - keys.length).sort(comparator);
        output.splice(output.length - keys.length, keys.length, ...sorted);
      }
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
    if (ctx.compact === true) {
      // everything on one line when it fits, else one entry per line after the opening brace
      if (isBelowBreakLength(ctx, output, 0, base)) return `${braces[0]}${base ? ` ${base}` : ''} ${output.join(', ')} ${braces[1]}`;
      const ind = ' '.repeat(ctx.indentationLvl);
      const ln = base === '' && braces[0].length === 1 ? ' ' : `${base ? ` ${base}` : ''}\n${ind}  `;
      return `${braces[0]}${ln}${output.join(`,\n${ind}  `)} ${braces[1]}`;
    }
    const entries = output.length;
    if (typeof ctx.compact === 'number' && ctx.compact >= 1 && extrasType === kArrayExtrasType && entries > 6) output = groupArrayElements(ctx, output, value);
    if (typeof ctx.compact === 'number' && ctx.compact >= 1 && ctx.currentDepth - recurseTimes < ctx.compact && entries === output.length) {
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
