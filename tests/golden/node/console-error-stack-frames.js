// error.stack names each frame's function, file, line and column: V8 puts a call at the
// callee's name, a method call at the method's name, `new` at `new`, other calls at their '('.
function fail(v) {
  throw new Error('failed with ' + v);
}
const x = 1;
const fns = [fail];
const o = { m: fail, inner: { m: fail } };
function show(label, run) {
  try {
    run();
  } catch (e) {
    console.log(label);
    console.log(e.stack.split('\n').slice(0, 3).join('\n'));
  }
}
show('plain call, computed argument', () => fail('a' + x));
show('method call', () => o.m(x + 1, [x]));
show('nested method call', () => o.inner.m(`t${x}`));
show('computed member call', () => fns[0](x));
show('call of a call', () => (() => fail)()(x));
show('new with arguments', () => new fail(x * 2));
show('spread arguments', () => fail(...[x, x]));
show('callee on the next line', () => fail
  (x));
function outer(n) {
  return helper(n + 1, { n });
}
function helper(n) {
  return n > 2 ? fail(n) : helper(n + 1);
}
show('recursion', () => outer(x));
