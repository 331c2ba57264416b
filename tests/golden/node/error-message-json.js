// JSON.parse's errors in V8's words: the position, the token and the text around it.
const show = (f) => { try { f(); console.log('no error'); } catch (e) { console.log(e.name + ': ' + e.message); } };
const texts = [
  'abc', 'undefined', 'NaN', '[object Object]', '{"a":1}x', '[1, 2] 3',
  '<html><body>not json at all</body></html>', '{"name": "a", "value": tru}',
  '{"name": "alpha", "list": [1, 2, 3, 4, 5], "x": ?}', '{"a": 1}}', '', ' ', '{', '[',
  '{"a"', '{"a":', '"abc', '01', '-', '-01', '1.', '1e', '[1,]', '{,}', "{'a': 1}",
  '"\\x"', '"\\u12"', 'tru', 'nul', '{"a":1 "b":2}', '[1 2]', '"a\tb"', '{"a":1,}',
];
for (const t of texts) show(() => JSON.parse(t));
show(() => JSON.parse(undefined));
show(() => JSON.parse({}));
