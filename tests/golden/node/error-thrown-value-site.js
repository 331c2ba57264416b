// A value that is not an error has no stack: node shows the `throw` statement that threw it,
// wherever it is among the script's throws.
function check(n) {
  if (n < 0) throw new RangeError('negative');
  return n;
}
try {
  check(-1);
} catch (e) {
  console.log('caught', e.message);
}
setTimeout(() => {
  console.log('in a timer');
  if (check(1) === 1) throw 'plain text thrown';
}, 1);
