// A JSON file with a syntax error: V8's message, prefixed with the file's path.
const path = require('path');
const short = (s) => s.split(path.dirname(__dirname)).join('<golden>');
for (const file of ['broken.json', 'trailing-comma.json']) {
  try {
    require('../node_modules/mn-probe/lib/' + file);
  } catch (e) {
    console.log(e.name, short(e.message));
  }
}
