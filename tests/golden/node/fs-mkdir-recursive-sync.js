// Sync forms: mkdirSync (recursive), writeFileSync, appendFileSync, readdirSync, statSync, unlinkSync.
const fs = require('fs');
const os = require('os');
const path = require('path');
const root = path.join(os.tmpdir(), `mini-node-golden-${process.pid}-sync`);
const deep = path.join(root, 'a', 'b');
fs.mkdirSync(deep, { recursive: true });
fs.writeFileSync(path.join(deep, 'x.txt'), 'one\n');
fs.appendFileSync(path.join(deep, 'x.txt'), 'two\n');
console.log(JSON.stringify(fs.readFileSync(path.join(deep, 'x.txt'), 'utf8')));
console.log(fs.readdirSync(root), fs.readdirSync(path.join(root, 'a')));
console.log(fs.statSync(deep).isDirectory());
fs.unlinkSync(path.join(deep, 'x.txt'));
fs.rmdirSync(deep);
fs.rmdirSync(path.join(root, 'a'));
fs.rmdirSync(root);
console.log('gone', fs.existsSync(root));
