// util.format: every specifier with unusual arguments, extra and missing arguments
const util = require('util');
const circular = { name: 'c' };
circular.self = circular;
class Point { constructor() { this.x = 1; } toString() { return 'P'; } }
console.log(util.format('%s|%s|%s|%s', { a: { b: { c: 1 } } }, Symbol('s'), 10n, [1, [2, [3]]]));
console.log(util.format('%s|%s|%s', new Point(), null, undefined));
console.log(util.format('%s', -0), util.format('%s', new Error('e').message));
console.log(util.format('%d|%d|%d|%d|%d', 42n, '7', Symbol('x'), {}, -0));
console.log(util.format('%i|%i|%i|%i', 3.9, '-2.5', 10n, 'abc'));
console.log(util.format('%f|%f|%f', '1.5e3', 'x', Symbol('y')));
console.log(util.format('%j|%j', { a: [1] }, circular));
console.log(util.format('%o', { a: [1, 2], f() {} }));
console.log(util.format('%O', { a: { b: { c: { d: 1 } } } }));
console.log(util.format('100%% sure %s', 'yes'), util.format('%%s %s', 'x'));
console.log(util.format('%s and %s', 'one'));
console.log(util.format('%s', 'a', 'extra', 3, { k: 1 }));
console.log(util.format('no specifiers', 1, 'two'));
console.log(util.format(1, 2, '%s'), util.format('%x %s', 'q'), util.format('%'), util.format('%c|%s', 'css', 's'));
console.log(util.format('%s', () => 1), util.format('%s', class A {}), util.format('%s', new Map([[1, 2]])));
