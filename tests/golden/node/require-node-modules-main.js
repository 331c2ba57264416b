// Packages in node_modules: package.json "main" (without an extension), a folder's index.js,
// a scoped package, and node_modules searched up the tree from the requiring file.
const mainField = require('mn-main-field');
console.log(mainField.name, mainField.file, mainField.dir);
console.log(require('mn-index-only')());
console.log(require('@mn-scope/tool'));
console.log(require('mn-outer'));
try {
  require('mn-inner');
} catch (e) {
  console.log(e.code, e.message.split('\n')[0]);
}
console.log(require('mn-main-field') === mainField);
