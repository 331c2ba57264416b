// module.paths: node_modules folders from the file's folder up to the root, skipping folders
// that are themselves named node_modules.
const path = require('path');
const rel = (p) => path.relative(__dirname, p);
console.log(module.paths.slice(0, 3).map(rel));
console.log(module.paths[module.paths.length - 1]);
console.log(module.paths.every((p) => p.endsWith('/node_modules')));
const inner = require('mn-outer');
const outer = module.children.find((c) => c.exports === inner);
console.log(outer.paths.slice(0, 3).map(rel));
const innerMod = outer.children[0];
console.log(rel(innerMod.filename), innerMod.paths.slice(0, 3).map(rel));
