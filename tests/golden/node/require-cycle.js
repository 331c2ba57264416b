// A cycle: a requires b, b requires a and gets a's exports as they are so far (node's docs).
console.log('main starting');
const a = require('../node_modules/mn-cycle/a.js');
const b = require('../node_modules/mn-cycle/b.js');
console.log('in main, a.done = %j, b.done = %j', a.done, b.done);
console.log(module.children.map((m) => [require('path').basename(m.id), m.loaded, m.children.length]));
