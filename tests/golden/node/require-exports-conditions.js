// package.json "exports": conditions in order (require, node, default; import skipped),
// nested conditions, a string "exports", and "exports" winning over "main".
const path = require('path');
const short = (s) => s.split(path.dirname(__dirname)).join('<golden>');
console.log(require('mn-exports'));
console.log(require('mn-exports/nested'));
console.log(require('mn-exports/fallback'));
console.log(require('mn-exports/package.json').name);
console.log(require('mn-exports-string'));
for (const id of ['mn-exports-string/other.js', 'mn-exports/lib/main.cjs', 'mn-exports/missing']) {
  try {
    require(id);
  } catch (e) {
    console.log(e.code, short(e.message));
  }
}
