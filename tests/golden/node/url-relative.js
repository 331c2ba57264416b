// Relative references resolved against a base URL.
const base = 'http://a.com/b/c/d;p?q#f';
for (const rel of ['g', './g', 'g/', '/g', '//g', '?y', 'g?y', '#s', 'g#s', '', '.', './', '..', '../', '../g', '../..', '../../g', '../../../g', 'http:g', 'https:g', 'g;x=1/../y']) {
  console.log(JSON.stringify(rel).padEnd(14), new URL(rel, base).href);
}
console.log(new URL('x', new URL('file:///home/a/b')).href, new URL('../c', 'file:///home/a/b').href);
console.log(new URL('http://other/x', base).href);
