// Strings: bare at top level, quoted when nested.
console.log('top level', "double", `template`);
console.log(['a', "it's", 'say "hi"', `both ' and "`]);
console.log({ s: 'text', multi: 'line1\nline2', empty: '' });
console.log('');
console.log('tab\tinside', 'new\nline');
console.log([''], ['\\backslash']);
