// Where V8 places a failed read or call (the column of the error's first frame), and how it
// names the callee that is not a function.
const o = { a: { b: undefined }, catch: null };
function none() { return undefined; }
function obj() { return {}; }
function report(label, run) {
  try {
    run();
  } catch (e) {
    const at = e.stack.split('\n')[1].match(/:(\d+:\d+)\)?$/);
    console.log(`${label}: ${e.message} @ ${at && at[1]}`);
  }
}
report('read on a name chain', () => o.a.b.x);
report('read after a call', () => none().x);
report('read after a call, next line', () => none()
  .x);
report('read in parentheses', () => (o.a.b).x);
report('computed read', () => o.a.b['x']);
report('optional chain', () => o?.a.b.x);
report('method after a call', () => obj().missing());
report('keyword method', () => ({}).catch(() => {}));
report('object literal receiver', () => ({ x: 1 }).then());
report('new receiver', () => new Date().then());
report('string receiver', () => 'text'.then());
report('call chain', () => Promise.resolve(1).then(() => 2).done());
report('computed key receiver', () => o['a'].run());
report('array receiver', () => [1, 2].run());
report('empty array receiver', () => [].run());
