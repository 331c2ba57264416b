// The built-in modules mini-node provides, also with the node: prefix.
const fs = require('fs');
const path = require('node:path');
const os = require('os');
console.log(typeof fs.readFile, typeof fs.readFileSync, typeof path.join, typeof os.tmpdir);
console.log(require('fs') === fs, require('node:fs') === fs);
