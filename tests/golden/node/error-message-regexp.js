// A regular expression RegExp refuses, in V8's words: the pattern, its flags and why.
const patterns = [
  ['('], ['(a'], [')'], ['*'], ['a{2,1}'], ['[b-a]'], ['['], ['\\'], ['(?<n>a)(?<n>b)'],
  ['\\k<x>(?<y>a)', 'u'], ['(?<1a>x)'], ['(?x)'], ['\\p{Foo}', 'u'], ['\\u{110000}', 'u'],
  ['a{', 'u'], ['}', 'u'], ['\\1', 'u'], ['a**'], ['[\\d-z]', 'u'], ['\\q', 'u'], ['(?:a'],
  ['a', 'gg'], ['a', 'x'], ['a', 'uv'], ['(', 'gi'],
];
for (const [p, f] of patterns) {
  try {
    new RegExp(p, f);
    console.log('compiled', p);
  } catch (e) {
    console.log(`${e.name}: ${e.message}`);
  }
}
