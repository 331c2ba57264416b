// A package whose "exports" offers only the import condition cannot be required.
const path = require('path');
const short = (s) => s.split(path.dirname(__dirname)).join('<golden>');
try {
  require('mn-import-only');
} catch (e) {
  console.log(e.name, e.code);
  console.log(short(e.message));
  console.log(Object.keys(e));
}
