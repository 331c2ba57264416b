// Intl's constructors called as functions (without new), and what their instances are.
console.log(Intl.DateTimeFormat('en-US', { timeZone: 'UTC' }).format(new Date(0)), Intl.NumberFormat('zh-CN').format(1234.5), Intl.Collator('en-US').compare('a', 'B'));
console.log(new Intl.NumberFormat() instanceof Intl.NumberFormat, Intl.Collator() instanceof Intl.Collator, Intl.NumberFormat.name, Intl.DateTimeFormat.name);
console.log(Intl.NumberFormat, Object.prototype.toString.call(new Intl.NumberFormat()), Object.prototype.toString.call(Intl.DateTimeFormat()), Object.prototype.toString.call(Intl));
const { format } = new Intl.NumberFormat('en-US', { style: 'percent' });
console.log([0.1, 0.25, 1].map(format), typeof Intl.DateTimeFormat.supportedLocalesOf);
