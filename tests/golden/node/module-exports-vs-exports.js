// module.exports is what require returns; reassigning the exports variable does not export.
const fs = require('fs');
const os = require('os');
const path = require('path');
const dir = path.join(os.tmpdir(), 'mn-module-exports-' + process.pid);
fs.mkdirSync(dir);
const files = {
  'reassign-exports.js': "exports = { lost: true };\nexports.alsoLost = 1;\n",
  'module-exports-fn.js': "module.exports = function greet(n) { return 'hi ' + n; };\nexports.ignored = true;\n",
  'both.js': "exports.a = 1;\nmodule.exports.b = 2;\nconsole.log('this is exports:', this === exports, this === module.exports);\n",
  'dirname.js': "module.exports = [require('path').basename(__filename), __dirname === require('path').dirname(__filename), require.main === module];\n",
};
for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), text);
try {
  for (const name of Object.keys(files)) console.log(name, require(path.join(dir, name)));
  console.log(require(path.join(dir, 'module-exports-fn.js'))('you'));
  console.log(module.children.map((m) => [path.basename(m.id), Object.keys(m.exports)]));
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
