// Sync calls finish before the next line; callbacks wait for the poll phase.
const fs = require('fs');
console.log('1 start');
fs.readFile(__filename, () => console.log('4 async readFile callback'));
const text = fs.readFileSync(__filename, 'utf8');
console.log('2 sync read', text.length > 0);
process.nextTick(() => console.log('3 nextTick'));
