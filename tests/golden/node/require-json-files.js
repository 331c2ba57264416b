// JSON files: probed after .js, parsed once and cached.
const probe = '../node_modules/mn-probe/lib/';
console.log(require(probe + 'x'));
console.log(require(probe + 'x.json'));
console.log(require(probe + 'data'));
console.log(require(probe + 'data') === require(probe + 'data.json'));
console.log(module.children.map((m) => require('path').basename(m.filename)));
