// Engine-raised errors that name the value at fault, as V8 prints it.
const show = (f) => { try { f(); console.log('no error'); } catch (e) { console.log(e.name + ': ' + e.message); } };
class Point { constructor(x) { this.x = x; } }
const values = [1, 'abc', undefined, true, Symbol('q'), 2n, {}, [1, 2], new Point(1), Object.create(null), new Map(), /re/g, new Error('boom')];
for (const v of values) show(() => Set.prototype.add.call(v, 1));
show(() => Map.prototype.get.call(new Set(), 1));
show(() => { const m = new Map(); const get = m.get; get(1); });
for (const v of values) show(() => { class A extends v {} });
for (const v of values) show(() => 'a' in v);
show(() => Symbol('k') in 1);
for (const v of values) show(() => Object.create(v));
for (const v of values) show(() => Object.setPrototypeOf({}, v));
