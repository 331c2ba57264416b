// Format directives in the first string.
console.log('%s is %d years old', 'Ada', 36.9);
console.log('%i items at %f each', 3.7, 1.25);
console.log('%s and %s', 'only one');
console.log('100%% sure', 'extra');
console.log('%cstyled text', 'color: red');
console.log('%o and %O', [1, 2], { a: 1 });
