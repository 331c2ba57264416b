// The module object: require.main, id, filename, loaded, parent and children.
const path = require('path');
const rel = (p) => path.relative(__dirname, p);
console.log(require.main === module, module.id, rel(module.filename), module.loaded);
console.log(rel(module.path), module.parent, module.children.length);
const tool = require('@mn-scope/tool');
const child = module.children[0];
console.log(rel(child.id), rel(child.filename), child.loaded, child.parent === module);
console.log(child.children.map((c) => rel(c.id)));
console.log(child.exports === tool, this === module.exports);
setImmediate(() => console.log('later, loaded:', module.loaded));
