// intl.js: the part of Intl mini-node provides, for the locales en-US and zh-CN (the default is
// en-US): Intl.NumberFormat (grouping, minimum/maximumFractionDigits, minimumIntegerDigits,
// useGrouping, style decimal/percent/currency for USD and CNY), Intl.DateTimeFormat (the default
// format, year/month/day/weekday/hour/minute/second, hour12, dateStyle, timeStyle short and
// medium; in UTC, Asia/Shanghai or the local time zone), Intl.Collator (compare, sensitivity,
// numeric) for Latin, Greek and Cyrillic text; and Number.prototype.toLocaleString,
// Date.prototype.toLocale{,Date,Time}String and String.prototype.localeCompare on top of them.
//
// HOW: numbers are rounded on their shortest decimal text (half away from zero, as ICU does);
// dates are written from patterns checked against node v20's ICU, one per combination of fields;
// collation compares in three levels (letters, then accents, then case) with ICU's root order of
// punctuation. Everything else (another locale, another option, another Intl constructor, Chinese
// characters in a collation) throws an Error naming what mini-node does not support.
// WHY: QuickJS has no Intl; silently wrong output is worse than a clear refusal.
//
// LAZY: the constructors are in lib/lazy/intl.js, compiled on first use (`lazyModule`); only the
// locale methods of Number, BigInt, Date and String are installed at startup.

  // ---------------------------------------------------------------- Intl (loaded on first use)
  const intlLib = lazyLib(() => lazyModule('intl', { process }));

  // The engine's locale methods, on top of Intl (named and sized as V8's built-ins are).
  function localeMethod(proto, name, body) {
    Object.defineProperty(body, 'name', { value: name, configurable: true });
    Object.defineProperty(body, 'length', { value: 0 });
    Object.defineProperty(proto, name, { value: body, writable: true, configurable: true });
  }
  localeMethod(Number.prototype, 'toLocaleString', function (locales, options) { return new (intlLib().NumberFormat)(locales, options).format(this.valueOf()); });
  localeMethod(BigInt.prototype, 'toLocaleString', function (locales, options) { return new (intlLib().NumberFormat)(locales, options).format(this.valueOf()); });
  for (const [name, required, defaults] of [['toLocaleDateString', 'date', 'date'], ['toLocaleTimeString', 'time', 'time'], ['toLocaleString', 'any', 'all']]) {
    localeMethod(Date.prototype, name, function (locales, options) {
      if (Number.isNaN(this.getTime())) return 'Invalid Date';
      return new (intlLib().DateTimeFormat)(locales, options, required, defaults).format(this);
    });
  }
  localeMethod(String.prototype, 'localeCompare', function (that, locales, options) { return new (intlLib().Collator)(locales, options).compare(String(this), String(that)); });
