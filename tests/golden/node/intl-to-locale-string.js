// Number.prototype.toLocaleString and the Date locale methods agree with Intl.
console.log((1234.5).toLocaleString(), (1234.5).toLocaleString('zh-CN'), (0.5).toLocaleString('en-US', { style: 'percent' }), (1e6).toLocaleString('en-US', { style: 'currency', currency: 'USD' }), (42).toLocaleString('en-US', { minimumFractionDigits: 1 }));
console.log((1234.5678).toLocaleString('en-US', { maximumFractionDigits: 2 }) === new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 }).format(1234.5678), 123456789n.toLocaleString());
const d = new Date(Date.UTC(2024, 0, 5, 9, 4, 5));
const utc = { timeZone: 'UTC' };
console.log(d.toLocaleDateString('en-US', utc), d.toLocaleDateString('zh-CN', utc), d.toLocaleDateString('en-US', { ...utc, year: 'numeric', month: 'long', day: 'numeric' }));
console.log(d.toLocaleString('en-US', utc), '|', d.toLocaleString('zh-CN', utc), '|', d.toLocaleTimeString('en-US', utc), '|', d.toLocaleTimeString('zh-CN', utc));
console.log(d.toLocaleDateString('zh-CN', { ...utc, weekday: 'long', year: 'numeric', month: 'long', day: 'numeric' }), d.toLocaleDateString('en-US', { ...utc, hour: 'numeric' }), d.toLocaleTimeString('en-US', { ...utc, hour12: false }));
console.log(new Date(NaN).toLocaleDateString(), ['b', 'a', 'B', 'A', 'é', 'e'].sort((x, y) => x.localeCompare(y)), 'a'.localeCompare('B'), 'a'.localeCompare('A', 'en-US', { sensitivity: 'base' }));
