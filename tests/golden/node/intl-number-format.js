// Intl.NumberFormat for en-US and zh-CN: grouping, fraction digits (rounded half away from
// zero on the decimal text), percent, and currency in USD and CNY.
const nf = (l, o, v) => new Intl.NumberFormat(l, o).format(v);
console.log(nf('en-US', {}, 1234567.891), nf('zh-CN', {}, 1234567.891), nf(undefined, {}, -0.5), nf('en-US', {}, 1e21), nf('en-US', {}, NaN), nf('en-US', {}, -Infinity), nf('en-US', {}, -1234.5));
console.log(nf('en-US', { minimumFractionDigits: 2 }, 3), nf('en-US', { maximumFractionDigits: 0 }, 2.5), nf('en-US', { maximumFractionDigits: 0 }, -3.5), nf('en-US', { maximumFractionDigits: 2 }, 1.005), nf('en-US', {}, 0.1234567), nf('en-US', { maximumFractionDigits: 1 }, 9.96));
console.log(nf('en-US', { style: 'percent' }, 0.256), nf('en-US', { style: 'percent', minimumFractionDigits: 1 }, 0.256), nf('zh-CN', { style: 'percent' }, 1.5), nf('en-US', { style: 'percent' }, 0.07));
console.log(nf('en-US', { style: 'currency', currency: 'USD' }, 1234.5), nf('en-US', { style: 'currency', currency: 'CNY' }, 1234.5), nf('zh-CN', { style: 'currency', currency: 'CNY' }, 1234.5), nf('zh-CN', { style: 'currency', currency: 'USD' }, -1234.5), nf('en-US', { style: 'currency', currency: 'usd' }, -5));
console.log(nf('en-US', { useGrouping: false }, 12345.6), nf('en-US', { minimumIntegerDigits: 3 }, 5), nf('en-US', {}, 12345678901234567890n), nf('en-US', {}, -0), nf('en-US', {}, 1e-7));
const usd = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' });
console.log([0.1, 19.999, 1e6].map(usd.format), usd.resolvedOptions().minimumFractionDigits, new Intl.NumberFormat('zh-CN').resolvedOptions().locale);
try { new Intl.NumberFormat('en-US', { style: 'currency' }); } catch (e) { console.log(String(e)); }
try { new Intl.NumberFormat('en-US', { maximumFractionDigits: 1, minimumFractionDigits: 3 }); } catch (e) { console.log(String(e)); }
