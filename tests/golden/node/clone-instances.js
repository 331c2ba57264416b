// structuredClone of class instances and host objects: their own enumerable keys, no prototype;
// WeakSet and WeakRef are a DataCloneError.
class Tagged { constructor() { this.a = 1; } get [Symbol.toStringTag]() { return 'Tagged'; } }
console.log(structuredClone(new Tagged()));
for (const v of [new URL('http://a.com'), new AbortController(), new TextEncoder(), new URLSearchParams('a=1'), Math, JSON, Object.create(null), [function () {}], new WeakSet(), new WeakRef({})]) {
  try { console.log(structuredClone(v)); } catch (e) { console.log(e.name, e.message); }
}
