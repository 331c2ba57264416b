// Engine-raised errors about bindings and classes, in V8's words (e.name + ': ' + e.message).
const show = (f) => { try { f(); console.log('no error'); } catch (e) { console.log(e.name + ': ' + e.message); } };
show(() => { console.log(x); let x = 1; });
show(() => { count++; const count = 0; });
show(() => { const c = 1; c = 2; });
show(() => missingName);
show(() => { class B extends Object { constructor() { this.x = 1; } } new B(); });
show(() => { class B extends Object { constructor() {} } new B(); });
show(() => { class B extends Object { constructor() { super(); super(); } } new B(); });
show(() => { class A { constructor() { return 1; } } class B extends A { constructor() { return 1; } } new B(); });
show(() => { class Animal {} Animal(); });
show(() => (function f() { f(); })());
show(() => ({}) instanceof 5);
show(() => ({}) instanceof {});
show(() => { const o = {}; Object.setPrototypeOf(o, o); });
show(() => { Object.prototype.__proto__ = {}; });
