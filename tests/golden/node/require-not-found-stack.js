// A package that requires a missing module: the require stack lists every requiring file.
const path = require('path');
const short = (s) => s.split(path.dirname(__dirname)).join('<golden>');
const fs = require('fs');
const os = require('os');
const dir = path.join(os.tmpdir(), 'mn-require-stack-' + process.pid);
fs.mkdirSync(path.join(dir, 'node_modules', 'broken-dep'), { recursive: true });
fs.writeFileSync(path.join(dir, 'node_modules', 'broken-dep', 'index.js'), "require('left-pad-that-is-not-installed');\n");
fs.writeFileSync(path.join(dir, 'app.js'), "module.exports = require('broken-dep');\n");
try {
  require(path.join(dir, 'app.js'));
} catch (e) {
  const hide = (s) => short(s).split(dir).join('<tmp>');
  console.log(e.code);
  console.log(hide(e.message));
  console.log(e.requireStack.map(hide));
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
