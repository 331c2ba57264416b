// An uncaught error from a required file: node's header names that file, its line and a caret.
console.log('before');
require('mn-require-error/first-line.js');
