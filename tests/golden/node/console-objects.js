// Plain objects: nesting depth, empty, keys that need quotes, long ones broken over lines.
console.log({ a: 1, b: 'two', c: [3], d: { e: null } });
console.log({});
console.log({ 'needs-quote': 1, valid_id: 2, 3: 'num key' });
console.log({ a: { b: { c: { d: { e: 1 } } } } });
console.log({ alpha: 'aaaaaaaaaaaa', beta: 'bbbbbbbbbbbb', gamma: 'cccccccccccc', delta: 'dddddddddddd' });
console.log([{ id: 1, tags: ['x', 'y'] }, { id: 2, tags: [] }]);
console.log(Object.create(null));
