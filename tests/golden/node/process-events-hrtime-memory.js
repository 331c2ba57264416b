// process.hrtime, hrtime.bigint and memoryUsage: their shapes and argument checks.
const t = process.hrtime();
console.log(Array.isArray(t), t.length, Number.isInteger(t[0]), Number.isInteger(t[1]));
const d = process.hrtime(t);
console.log(d[0] >= 0, d[1] >= 0, d[1] < 1e9);
const b = process.hrtime.bigint();
console.log(typeof b, process.hrtime.bigint() >= b);
const m = process.memoryUsage();
console.log(Object.keys(m), Object.values(m).every((v) => typeof v === 'number'));
console.log(typeof process.memoryUsage.rss());
for (const bad of [1, 'x', [1], [1, 2, 3]]) {
  try { process.hrtime(bad); } catch (e) { console.log(e.name, e.code, e.message); }
}
