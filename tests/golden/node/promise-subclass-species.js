// then() builds its result with constructor[Symbol.species]: subclasses, replaced constructors.
class MyPromise extends Promise {}
const a = MyPromise.resolve(1).then((v) => v + 1);
console.log('subclass keeps its class:', a instanceof MyPromise);
a.then((v) => console.log('subclass value', v));
const b = Promise.resolve(2);
b.constructor = undefined;
console.log('no constructor -> Promise:', b.then(() => 0) instanceof Promise);
const c = Promise.resolve(3);
c.constructor = { [Symbol.species]: MyPromise };
console.log('species from the constructor:', c.then(() => 0) instanceof MyPromise);
class Counting extends Promise {
  static get [Symbol.species]() { console.log('species read'); return Promise; }
}
const d = Counting.resolve(4).then((v) => v * 10);
console.log('species getter result:', d instanceof Counting, d instanceof Promise);
d.then((v) => console.log('species value', v));
