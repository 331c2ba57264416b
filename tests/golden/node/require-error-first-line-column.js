// A column on a required file's first line counts from the file's own first character.
const { fail } = require('mn-require-error');
try { require('mn-require-error/first-line.js'); } catch (e) { console.log(e.stack.split('\n')[1]); }
try { fail('input'); } catch (e) { console.log(e.stack.split('\n').slice(0, 3).join('\n')); }
