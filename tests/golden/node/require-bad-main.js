// A package.json "main" that does not exist, and no index.js to fall back on.
const path = require('path');
const short = (s) => s.split(path.dirname(__dirname)).join('<golden>');
try {
  require('mn-bad-main-noindex');
} catch (e) {
  console.log(e.code, short(e.message));
  console.log(short(e.path), e.requestPath);
}
