// Runtime errors carry V8's wording, as Chrome's console shows them.
function attempt(label, f) {
  try {
    f();
  } catch (e) {
    console.log(label, '->', e.name + ': ' + e.message);
  }
}
attempt('missing method', () => window.setImmediate(() => {}));
attempt('property of undefined', () => globalThis.process.exit(1));
attempt('calling a number', () => {
  const n = 1;
  n();
});
attempt('unknown name', () => nodeOnlyThing());
attempt('endless recursion', function again() {
  again();
});
