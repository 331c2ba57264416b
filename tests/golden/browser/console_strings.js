// Strings: bare at the top level, quoted inside arrays and objects.
console.log('hello', 'world');
console.log('');
console.log(['a', 'b', '']);
console.log({ greeting: 'hi', empty: '' });
console.log('multi\nline');
