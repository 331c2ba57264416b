// structuredClone keeps cycles and shared references, and refuses functions and symbols with
// a DataCloneError.
const a = { name: 'a' };
a.self = a;
a.list = [a, { back: a }];
const m = new Map();
m.set('me', m);
const c = structuredClone({ a, m, twice: [a, a] });
console.log(c.a.self === c.a, c.a.list[0] === c.a, c.a.list[1].back === c.a, c.a !== a);
console.log(c.m.get('me') === c.m, c.twice[0] === c.twice[1], c.twice[0] === c.a);
for (const v of [() => 1, function named() { return 2; }, { method() {} }, Symbol('s'), new WeakMap(), Promise.resolve()]) {
  try {
    structuredClone(v);
  } catch (e) {
    console.log(e.name, '|', e.message, '|', e.code, e instanceof DOMException, String(e));
  }
}
try { structuredClone(); } catch (e) { console.log(String(e), e.code); }
