// lazy/intl.js: the Intl constructors mini-node provides (see lib/intl.js for what and how).
//
// LAZY: not part of the prelude. host/lazy.rs embeds this file (`mn.lazySource('intl')`);
// `intlLib()` in lib/intl.js compiles it on first use of Intl or a locale method, as one CommonJS
// body whose `exports` argument carries the prelude's names it needs (`process`), and whose
// `module.exports` is { Intl, NumberFormat, DateTimeFormat, Collator }.
// WHY lazy: a script that formats no number or date does not pay for reading this code at startup.
//
// Shared with Rust: the name `intl` *Must* match its line in LAZY in src/eventloop/host/lazy.rs.
// Bridge names: none.
'use strict';
const { process } = exports;

function intlUnsupported(what, note) { return new Error(`${what} is not supported by mini-node${note ? ` (${note})` : ''}`); }
const LOCALES = { 'en-us': 'en-US', en: 'en-US', 'zh-cn': 'zh-CN', zh: 'zh-CN', 'zh-hans': 'zh-CN', 'zh-hans-cn': 'zh-CN' };
function pickLocale(locales, what) {
  const list = locales === undefined ? [] : Array.isArray(locales) ? locales : [locales];
  if (list.length === 0) return 'en-US';
  const l = LOCALES[String(list[0]).toLowerCase()];
  if (l === undefined) throw intlUnsupported(`${what} for the locale "${list[0]}"`, 'mini-node has en-US and zh-CN');
  return l;
}
function checkOptions(options, known, what) {
  if (options === undefined) return {};
  if (options === null || typeof options !== 'object') throw new TypeError('Options must be an object');
  for (const k of Object.keys(options)) {
    if (options[k] !== undefined && !known.includes(k)) throw intlUnsupported(`${what} option "${k}"`);
  }
  return options;
}
function digitsOption(options, name, min, max, dflt) {
  const v = options[name];
  if (v === undefined) return dflt;
  const n = Number(v);
  if (!(n >= min && n <= max)) throw new RangeError(`${name} value is out of range.`);
  return Math.floor(n);
}

// ---- numbers
// The decimal digits of a finite x >= 0 (its shortest text) and where the point goes.
function decimalOf(x) {
  const s = typeof x === 'bigint' ? x.toString() : String(x);
  const m = /^(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(s);
  const digits = m[1] + (m[2] || '');
  return { digits, point: m[1].length + (m[3] ? Number(m[3]) : 0) };
}
function fixedText(x, minFrac, maxFrac, shift) {
  let { digits, point } = decimalOf(x);
  point += shift;
  if (point < 0) { digits = '0'.repeat(-point) + digits; point = 0; }
  if (digits.length < point) digits += '0'.repeat(point - digits.length);
  let keep = point + maxFrac;
  if (digits.length > keep) {
    const up = digits.charCodeAt(keep) >= 0x35;
    let kept = digits.slice(0, keep).split('').map(Number);
    if (up) {
      let i = kept.length - 1;
      while (i >= 0 && kept[i] === 9) { kept[i] = 0; i--; }
      if (i >= 0) kept[i]++; else { kept.unshift(1); point++; keep++; }
    }
    digits = kept.join('');
  }
  let int = digits.slice(0, point).replace(/^0+/, '') || '0';
  let frac = digits.slice(point);
  while (frac.length > minFrac && frac.endsWith('0')) frac = frac.slice(0, -1);
  frac = frac.padEnd(minFrac, '0');
  return [int, frac];
}
const CURRENCIES = {
  USD: { 'en-US': '$', 'zh-CN': 'US$' },
  CNY: { 'en-US': 'CN¥', 'zh-CN': '¥' },
};
const NF_OPTIONS = ['localeMatcher', 'style', 'currency', 'currencyDisplay', 'minimumFractionDigits', 'maximumFractionDigits', 'minimumIntegerDigits', 'useGrouping', 'numberingSystem', 'signDisplay', 'notation'];
class NumberFormat {
  #o;
  constructor(locales, options) {
    const locale = pickLocale(locales, 'Intl.NumberFormat');
    options = checkOptions(options, NF_OPTIONS, 'Intl.NumberFormat');
    const style = options.style === undefined ? 'decimal' : String(options.style);
    if (!['decimal', 'percent', 'currency'].includes(style)) throw intlUnsupported(`Intl.NumberFormat style "${style}"`);
    if (options.notation !== undefined && options.notation !== 'standard') throw intlUnsupported(`Intl.NumberFormat notation "${options.notation}"`);
    if (options.signDisplay !== undefined && options.signDisplay !== 'auto') throw intlUnsupported(`Intl.NumberFormat signDisplay "${options.signDisplay}"`);
    if (options.numberingSystem !== undefined && options.numberingSystem !== 'latn') throw intlUnsupported(`Intl.NumberFormat numberingSystem "${options.numberingSystem}"`);
    if (options.currencyDisplay !== undefined && options.currencyDisplay !== 'symbol') throw intlUnsupported(`Intl.NumberFormat currencyDisplay "${options.currencyDisplay}"`);
    let currency;
    if (style === 'currency') {
      if (options.currency === undefined) throw new TypeError('Currency code is required with currency style.');
      currency = String(options.currency).toUpperCase();
      if (!CURRENCIES[currency]) throw intlUnsupported(`Intl.NumberFormat currency "${options.currency}"`, 'mini-node has USD and CNY');
    }
    const dMin = style === 'currency' ? 2 : 0, dMax = style === 'currency' ? 2 : style === 'percent' ? 0 : 3;
    const minFrac = digitsOption(options, 'minimumFractionDigits', 0, 100, undefined);
    let maxFrac = digitsOption(options, 'maximumFractionDigits', 0, 100, undefined);
    const min = minFrac === undefined ? Math.min(dMin, maxFrac === undefined ? dMin : maxFrac) : minFrac;
    if (maxFrac === undefined) maxFrac = Math.max(min, dMax);
    else if (maxFrac < min) throw new RangeError('maximumFractionDigits value is out of range.');
    const grouping = options.useGrouping === undefined ? true : options.useGrouping !== false && options.useGrouping !== 'false';
    this.#o = { locale, style, currency, minimumIntegerDigits: digitsOption(options, 'minimumIntegerDigits', 1, 21, 1), minimumFractionDigits: min, maximumFractionDigits: maxFrac, useGrouping: grouping };
  }
  get format() {
    return (value) => {
      const o = this.#o;
      let x = typeof value === 'bigint' ? value : Number(value);
      const neg = typeof x === 'bigint' ? x < 0n : (x < 0 || Object.is(x, -0));
      if (neg) x = -x;
      let body;
      if (Number.isNaN(x)) body = 'NaN';
      else if (x === Infinity) body = '∞';
      else {
        let [int, frac] = fixedText(x, o.minimumFractionDigits, o.maximumFractionDigits, o.style === 'percent' ? 2 : 0);
        int = int.padStart(o.minimumIntegerDigits, '0');
        if (o.useGrouping) int = int.replace(/\B(?=(\d{3})+$)/g, ',');
        body = frac ? `${int}.${frac}` : int;
      }
      if (o.style === 'percent') body += '%';
      if (o.style === 'currency') body = CURRENCIES[o.currency][o.locale] + body;
      return (neg ? '-' : '') + body;
    };
  }
  formatToParts() { throw intlUnsupported('Intl.NumberFormat.prototype.formatToParts'); }
  formatRange() { throw intlUnsupported('Intl.NumberFormat.prototype.formatRange'); }
  resolvedOptions() {
    const o = this.#o;
    const r = { locale: o.locale, numberingSystem: 'latn', style: o.style };
    if (o.currency) Object.assign(r, { currency: o.currency, currencyDisplay: 'symbol', currencySign: 'standard' });
    return Object.assign(r, { minimumIntegerDigits: o.minimumIntegerDigits, minimumFractionDigits: o.minimumFractionDigits, maximumFractionDigits: o.maximumFractionDigits,
      useGrouping: o.useGrouping ? 'auto' : false, notation: 'standard', signDisplay: 'auto', roundingMode: 'halfExpand' });
  }
  static supportedLocalesOf(l) { return (Array.isArray(l) ? l : [l]).filter((x) => LOCALES[String(x).toLowerCase()]).map((x) => LOCALES[String(x).toLowerCase()]); }
  get [Symbol.toStringTag]() { return 'Intl.NumberFormat'; }
}

// ---- dates
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const ZH_NUM = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二'];
const ZH_WEEK = ['日', '一', '二', '三', '四', '五', '六'];
const ZONES = { UTC: 0, 'Etc/UTC': 0, GMT: 0, 'Etc/GMT': 0, 'Asia/Shanghai': 480 };
const DTF_OPTIONS = ['localeMatcher', 'timeZone', 'weekday', 'year', 'month', 'day', 'hour', 'minute', 'second', 'hour12', 'dateStyle', 'timeStyle', 'calendar', 'numberingSystem', 'formatMatcher'];
const DATE_STYLES = {
  full: { weekday: 'long', year: 'numeric', month: 'long', day: 'numeric' }, long: { year: 'numeric', month: 'long', day: 'numeric' },
  medium: { year: 'numeric', month: 'short', day: 'numeric' }, short: { year: '2-digit', month: 'numeric', day: 'numeric' },
};
const pad2 = (n) => String(n).padStart(2, '0');
// The fields of `t` (a time value) in a time zone (an offset in minutes, or null for local).
function fieldsOf(t, offset) {
  const d = new Date(offset === null ? t : t + offset * 60000);
  const g = offset === null ? 'get' : 'getUTC';
  return { y: d[g + 'FullYear'](), M: d[g + 'Month']() + 1, d: d[g + 'Date'](), w: d[g + 'Day'](), h: d[g + 'Hours'](), m: d[g + 'Minutes'](), s: d[g + 'Seconds']() };
}
function dateText(o, f) {
  const en = o.locale === 'en-US';
  const y = o.year === '2-digit' ? pad2(f.y % 100) : String(f.y);
  const d = o.day === '2-digit' ? pad2(f.d) : String(f.d);
  const textual = o.month === 'long' || o.month === 'short' || (o.month === 'narrow' && en);
  let m;
  if (textual) m = en ? (o.month === 'long' ? MONTHS[f.M - 1] : o.month === 'short' ? MONTHS[f.M - 1].slice(0, 3) : MONTHS[f.M - 1][0]) : String(f.M);
  else m = o.month === '2-digit' ? pad2(f.M) : String(f.M);
  const wd = o.weekday === undefined ? '' : en
    ? (o.weekday === 'long' ? WEEKDAYS[f.w] : o.weekday === 'short' ? WEEKDAYS[f.w].slice(0, 3) : WEEKDAYS[f.w][0])
    : (o.weekday === 'long' ? '星期' : o.weekday === 'short' ? '周' : '') + ZH_WEEK[f.w];
  const has = (o.year ? 'y' : '') + (o.month ? 'M' : '') + (o.day ? 'd' : '');
  let s;
  if (en) {
    if (textual) s = { yMd: `${m} ${d}, ${y}`, Md: `${m} ${d}`, yM: `${m} ${y}`, M: m }[has];
    else s = { yMd: `${m}/${d}/${y}`, Md: `${m}/${d}`, yM: `${m}/${y}`, y, M: m, d, '': '' }[has];
    if (s === undefined) return null;
    return wd ? (s ? `${wd}, ${s}` : wd) : s;
  }
  if (textual) {
    s = { yMd: `${y}年${m}月${d}日`, Md: `${m}月${d}日`, yM: `${y}年${m}月`, M: o.month === 'long' ? ZH_NUM[f.M] + '月' : `${m}月` }[has];
  } else if (o.month === 'narrow' && has === 'M') {
    s = m;
  } else s = { yMd: `${y}/${m}/${d}`, Md: `${m}/${d}`, yM: `${y}/${m}`, y: `${y}年`, M: `${m}月`, d: `${d}日`, '': '' }[has];
  if (s === undefined) return null;
  return s + wd;
}
function timeText(o, f) {
  const en = o.locale === 'en-US';
  const h12 = o.hour12 === undefined ? en : o.hour12;
  let h, text;
  if (h12) {
    // en-US counts 12, 1 .. 11 (h12); zh-CN 0 .. 11 (h11)
    const hh = en ? f.h % 12 || 12 : f.h % 12;
    h = o.hour === '2-digit' ? pad2(hh) : String(hh);
    text = h + (o.minute ? ':' + pad2(f.m) : '') + (o.second ? ':' + pad2(f.s) : '');
    const pm = f.h >= 12;
    if (en) return `${text} ${pm ? 'PM' : 'AM'}`;
    if (!o.minute) return null;
    return (pm ? '下午' : '上午') + text;
  }
  // en-US with hour12: false counts midnight as 24 (ICU's h24 for that locale)
  const hour = en && o.hour12 === false && f.h === 0 ? 24 : f.h;
  const padded = en || o.hour === '2-digit' || o.minute === 'numeric' || o.timeStyle;
  h = padded ? pad2(hour) : String(hour);
  if (!o.minute) return en ? h : (o.second ? null : `${h}时`);
  return h + ':' + pad2(f.m) + (o.second ? ':' + pad2(f.s) : '');
}
class DateTimeFormat {
  #o;
  constructor(locales, options, required = 'any', defaults = 'date') {
    const locale = pickLocale(locales, 'Intl.DateTimeFormat');
    options = checkOptions(options, DTF_OPTIONS, 'Intl.DateTimeFormat');
    if (options.calendar !== undefined && options.calendar !== 'gregory') throw intlUnsupported(`Intl.DateTimeFormat calendar "${options.calendar}"`);
    if (options.numberingSystem !== undefined && options.numberingSystem !== 'latn') throw intlUnsupported(`Intl.DateTimeFormat numberingSystem "${options.numberingSystem}"`);
    let zone = null, zoneName;
    if (options.timeZone !== undefined) {
      zoneName = String(options.timeZone);
      const key = Object.keys(ZONES).find((k) => k.toLowerCase() === zoneName.toLowerCase());
      if (key === undefined) throw intlUnsupported(`Intl.DateTimeFormat timeZone "${zoneName}"`, 'mini-node has UTC, Asia/Shanghai and the local time zone');
      zone = ZONES[key];
      zoneName = key === 'Etc/UTC' || key === 'GMT' || key === 'Etc/GMT' ? 'UTC' : key;
    }
    const o = { locale, zone, timeZone: zoneName };
    const fields = ['weekday', 'year', 'month', 'day', 'hour', 'minute', 'second'];
    const given = fields.filter((k) => options[k] !== undefined);
    if (options.dateStyle !== undefined || options.timeStyle !== undefined) {
      if (given.length) throw new TypeError(`Can't set option ${given[0]} when ${options.dateStyle !== undefined ? 'dateStyle' : 'timeStyle'} is used`);
      if (options.dateStyle !== undefined) {
        const ds = DATE_STYLES[options.dateStyle];
        if (!ds) throw new RangeError(`Value ${options.dateStyle} out of range for Intl.DateTimeFormat options property dateStyle`);
        if (options.timeStyle !== undefined && (options.dateStyle === 'full' || options.dateStyle === 'long')) throw intlUnsupported(`Intl.DateTimeFormat dateStyle "${options.dateStyle}" with a timeStyle`);
        Object.assign(o, ds, { dateStyle: options.dateStyle });
        if (locale === 'zh-CN') { o.month = options.dateStyle === 'short' ? 'numeric' : 'long'; o.year = 'numeric'; }
      }
      if (options.timeStyle !== undefined) {
        if (options.timeStyle !== 'short' && options.timeStyle !== 'medium') throw intlUnsupported(`Intl.DateTimeFormat timeStyle "${options.timeStyle}"`);
        Object.assign(o, { hour: 'numeric', minute: '2-digit', timeStyle: options.timeStyle }, options.timeStyle === 'medium' ? { second: '2-digit' } : {});
      }
    } else {
      for (const k of given) o[k] = String(options[k]);
      const dateGiven = ['weekday', 'year', 'month', 'day'].some((k) => o[k] !== undefined);
      const timeGiven = ['hour', 'minute', 'second'].some((k) => o[k] !== undefined);
      const needed = (required === 'date' && !dateGiven) || (required === 'time' && !timeGiven) || (required === 'any' && !dateGiven && !timeGiven);
      if (needed && defaults !== 'time') Object.assign(o, { year: 'numeric', month: 'numeric', day: 'numeric' });
      if (needed && defaults !== 'date') Object.assign(o, { hour: 'numeric', minute: 'numeric', second: 'numeric' });
    }
    if (options.hour12 !== undefined) o.hour12 = !!options.hour12;
    if (o.minute === undefined && o.second !== undefined) throw intlUnsupported('Intl.DateTimeFormat second without minute');
    if (o.hour === undefined && o.minute !== undefined) throw intlUnsupported('Intl.DateTimeFormat minute without hour');
    if (o.day !== undefined && o.month === undefined && o.year !== undefined) throw intlUnsupported('Intl.DateTimeFormat year and day without month');
    this.#o = o;
  }
  get format() {
    return (date) => {
      const o = this.#o;
      const t = date === undefined ? Date.now() : Number(date instanceof Date ? date.getTime() : date);
      if (!Number.isFinite(t)) throw new RangeError('Invalid time value');
      if (o.zone === 480 && t < 694224000000) throw intlUnsupported('Intl.DateTimeFormat timeZone "Asia/Shanghai" before 1992');
      const f = fieldsOf(t, o.zone);
      const hasDate = o.year || o.month || o.day || o.weekday;
      const ds = hasDate ? dateText(o, f) : '';
      const ts = o.hour ? timeText(o, f) : '';
      if (ds === null || ts === null) throw intlUnsupported(`Intl.DateTimeFormat for ${JSON.stringify(this.resolvedOptions())}`);
      if (!ds) return ts;
      if (!ts) return ds;
      return o.locale === 'en-US' ? `${ds}, ${ts}` : `${ds} ${ts}`;
    };
  }
  formatToParts() { throw intlUnsupported('Intl.DateTimeFormat.prototype.formatToParts'); }
  formatRange() { throw intlUnsupported('Intl.DateTimeFormat.prototype.formatRange'); }
  resolvedOptions() {
    const o = this.#o;
    let tz = o.timeZone;
    if (tz === undefined) tz = process.env.TZ || (new Date(0).getTimezoneOffset() === 0 ? 'UTC' : undefined);
    if (tz === undefined) throw intlUnsupported('The name of the local time zone', 'set TZ to name it');
    const r = { locale: o.locale, calendar: 'gregory', numberingSystem: 'latn', timeZone: tz };
    if (o.hour) Object.assign(r, { hourCycle: (o.hour12 === undefined ? o.locale === 'en-US' : o.hour12) ? 'h12' : (o.locale === 'en-US' ? 'h24' : 'h23'), hour12: o.hour12 === undefined ? o.locale === 'en-US' : o.hour12 });
    for (const k of ['weekday', 'year', 'month', 'day', 'hour', 'minute', 'second']) if (o[k] !== undefined && !o.dateStyle && !o.timeStyle) r[k] = o[k];
    if (o.dateStyle) r.dateStyle = o.dateStyle;
    if (o.timeStyle) r.timeStyle = o.timeStyle;
    return r;
  }
  static supportedLocalesOf(l) { return NumberFormat.supportedLocalesOf(l); }
  get [Symbol.toStringTag]() { return 'Intl.DateTimeFormat'; }
}

// ---- collation
// ICU's root order of ASCII punctuation and symbols, before digits and letters.
const PUNCT_ORDER = '\t\n\v\f\r _-,;:!?.\'"()[]{}@*/\\&#%`^+<=>|~$';
const ACCENT_ORDER = '\u0301\u0300\u0306\u0302\u030C\u030A\u0308\u030B\u0303\u0307\u0327\u0328\u0304';
const CJK = /[\u2E80-\u9FFF\uAC00-\uD7AF\uF900-\uFAFF\u{20000}-\u{3FFFF}]/u;
// One collation element per base character: [primary, accents, upper].
function collationElements(s, numeric, what) {
  const out = [];
  const chars = Array.from(String(s).normalize('NFD'));
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i];
    if (/\p{M}/u.test(ch)) { if (out.length) out[out.length - 1][1] += String.fromCharCode(0x41 + Math.max(0, ACCENT_ORDER.indexOf(ch))); continue; }
    if (CJK.test(ch)) throw intlUnsupported(`${what}: the collation of Chinese, Japanese and Korean characters`, `"${ch}" here`);
    let primary;
    const p = PUNCT_ORDER.indexOf(ch);
    if (p >= 0) primary = [0, p];
    else if (/[0-9]/.test(ch)) {
      if (numeric) {
        let run = ch;
        while (i + 1 < chars.length && /[0-9]/.test(chars[i + 1])) run += chars[++i];
        run = run.replace(/^0+(?=.)/, '');
        primary = [1, run.length, run];
      } else primary = [1, 1, ch];
    } else if (/\p{L}/u.test(ch)) primary = [2, ch.toLowerCase().codePointAt(0)];
    else if (/\p{N}/u.test(ch)) throw intlUnsupported(`${what}: the collation of the digit "${ch}"`);
    else throw intlUnsupported(`${what}: the collation of the symbol "${ch}"`);
    out.push([primary, '', ch !== ch.toLowerCase()]);
  }
  return out;
}
function comparePrimary(a, b) {
  for (let k = 0; k < Math.max(a.length, b.length); k++) {
    if (a[k] === b[k]) continue;
    if (a[k] === undefined) return -1;
    if (b[k] === undefined) return 1;
    return a[k] < b[k] ? -1 : 1;
  }
  return 0;
}
class Collator {
  #o;
  constructor(locales, options) {
    const locale = pickLocale(locales, 'Intl.Collator');
    options = checkOptions(options, ['localeMatcher', 'usage', 'sensitivity', 'numeric', 'ignorePunctuation', 'caseFirst', 'collation'], 'Intl.Collator');
    const sensitivity = options.sensitivity === undefined ? 'variant' : String(options.sensitivity);
    if (!['base', 'accent', 'case', 'variant'].includes(sensitivity)) throw new RangeError(`Value ${sensitivity} out of range for Intl.Collator options property sensitivity`);
    if (options.ignorePunctuation) throw intlUnsupported('Intl.Collator option "ignorePunctuation"');
    if (options.caseFirst !== undefined && options.caseFirst !== 'false') throw intlUnsupported(`Intl.Collator caseFirst "${options.caseFirst}"`);
    if (options.collation !== undefined && options.collation !== 'default') throw intlUnsupported(`Intl.Collator collation "${options.collation}"`);
    this.#o = { locale, usage: options.usage === 'search' ? 'search' : 'sort', sensitivity, numeric: !!options.numeric };
  }
  get compare() {
    return (x, y) => {
      const o = this.#o;
      const a = collationElements(x, o.numeric, 'Intl.Collator'), b = collationElements(y, o.numeric, 'Intl.Collator');
      const n = Math.min(a.length, b.length);
      for (let i = 0; i < n; i++) { const c = comparePrimary(a[i][0], b[i][0]); if (c) return c; }
      if (a.length !== b.length) return a.length < b.length ? -1 : 1;
      if (o.sensitivity === 'accent' || o.sensitivity === 'variant') {
        for (let i = 0; i < n; i++) if (a[i][1] !== b[i][1]) return a[i][1] < b[i][1] ? -1 : 1;
      }
      if (o.sensitivity === 'case' || o.sensitivity === 'variant') {
        for (let i = 0; i < n; i++) if (a[i][2] !== b[i][2]) return a[i][2] ? 1 : -1;
      }
      return 0;
    };
  }
  resolvedOptions() { const o = this.#o; return { locale: o.locale, usage: o.usage, sensitivity: o.sensitivity, ignorePunctuation: false, collation: 'default', numeric: o.numeric, caseFirst: 'false' }; }
  static supportedLocalesOf(l) { return NumberFormat.supportedLocalesOf(l); }
  get [Symbol.toStringTag]() { return 'Intl.Collator'; }
}

function missingIntl(name) {
  const f = function () { throw intlUnsupported(`Intl.${name}`); };
  Object.defineProperty(f, 'name', { value: name });
  return f;
}
// Intl's constructors may be called without `new`, as functions.
function callable(Cls) {
  const F = function (locales, options) { return new Cls(locales, options); };
  Object.defineProperty(F, 'name', { value: Cls.name });
  Object.defineProperty(F, 'length', { value: 0 });
  F.prototype = Cls.prototype;
  Object.defineProperty(Cls.prototype, 'constructor', { value: F, writable: true, configurable: true });
  Object.defineProperty(F, 'supportedLocalesOf', { value: Cls.supportedLocalesOf, writable: true, configurable: true });
  return F;
}
// Intl's members are not enumerable, as V8's: `console.log(Intl)` is `Object [Intl] {}`.
const Intl = {};
const member = (name, value) => Object.defineProperty(Intl, name, { value, writable: true, configurable: true, enumerable: false });
member('NumberFormat', callable(NumberFormat));
member('DateTimeFormat', callable(DateTimeFormat));
member('Collator', callable(Collator));
for (const name of ['RelativeTimeFormat', 'PluralRules', 'ListFormat', 'Segmenter', 'DisplayNames', 'Locale', 'DurationFormat', 'getCanonicalLocales', 'supportedValuesOf']) member(name, missingIntl(name));
Object.defineProperty(Intl, Symbol.toStringTag, { value: 'Intl', configurable: true });
module.exports = { Intl, NumberFormat, DateTimeFormat, Collator };
