// util.format specifiers.
console.log('%s is %d years', 'Ada', 36);
console.log('%i and %f', 42.9, '3.5');
console.log('%d of a string: %d', '42', 'abc');
console.log('%j', { a: [1, 2] });
console.log('%o', { a: 1 });
console.log('%O', { a: { b: { c: { d: 1 } } } });
console.log('100%% sure', 'extra', 1);
console.log('%s', { a: 1 }, '%s');
console.log('%s %s', 'only one');
console.log('%c styled', 'color: red');
console.log('%s', null, undefined, 5n);
console.log(5, '%s', 'not a format when first arg is not a string');
