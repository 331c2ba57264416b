// Frame names as V8 gives them: `Type.fn [as key]` for method calls, `new F` for construct
// calls, and the built-ins that call back into the script (`Array.forEach (<anonymous>)`).
const frames = () => new Error('x').stack.split('\n').slice(2, 4).map((l) => l.trim()).join(' | ');
class Shape {
  area() { return frames(); }
  static make() { return frames(); }
  get size() { return frames(); }
}
class Square extends Shape {}
const s = new Shape();
console.log('method:', s.area());
console.log('static:', Shape.make());
console.log('getter:', s.size);
console.log('inherited:', new Square().area());
const o = { run() { return frames(); }, other: null };
o.other = o.run;
console.log('object literal:', o.run());
console.log('other key:', o.other());
const alias = { go: function realName() { return frames(); } };
console.log('alias:', alias.go());
function Point() { this.where = frames(); }
console.log('constructor:', new Point().where);
console.log('strict, string receiver:', function () { 'use strict'; return frames(); }.call('text'));
[1].forEach(() => console.log('forEach:', frames()));
[1].map(function named() { console.log('map:', frames()); });
JSON.parse('{"a":1}', (k, v) => { if (k === 'a') console.log('reviver:', frames()); return v; });
new Promise(() => console.log('executor:', frames()));
(function viaCall() { console.log('call:', frames()); }).call(null);
Array.from([1], () => console.log('Array.from:', frames()));
'a'.replace('a', () => { console.log('replace:', frames()); return 'b'; });
new Map([[1, 1]]).forEach(() => console.log('Map.forEach:', frames()));
