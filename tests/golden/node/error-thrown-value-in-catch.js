// A value thrown from a catch block, with code after it that never runs: node shows the `throw`
// statement itself; a rethrow shows the rethrow.
function parse(text) {
  try {
    return JSON.parse(text);
  } catch (e) {
    console.log('bad input:', e.message);
    throw `cannot parse ${text}`;
    console.log('never');
  } finally {
    console.log('finally');
  }
}
try {
  parse('{');
} catch (e) {
  console.log('caught', e);
}
parse('[');
