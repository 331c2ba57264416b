// Subpath patterns in "exports" ("./feature/*"), a null target that hides a folder, and the
// longest pattern winning.
const path = require('path');
const short = (s) => s.split(path.dirname(__dirname)).join('<golden>');
console.log(require('mn-exports/feature/a'));
console.log(require('mn-exports/feature/b'));
console.log(path.relative(__dirname, require.resolve('mn-exports/feature/a')));
for (const id of ['mn-exports/feature/internal/secret', 'mn-exports/feature/c', 'mn-exports/src/features/a.js']) {
  try {
    require(id);
  } catch (e) {
    console.log(e.code, short(e.message));
  }
}
