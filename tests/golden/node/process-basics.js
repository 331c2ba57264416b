// process.argv, process.pid, process.nextTick, typeof checks.
const path = require('path');
console.log('argv length', process.argv.length);
console.log('argv[1] basename', path.basename(process.argv[1]));
console.log('pid is integer', Number.isInteger(process.pid), process.pid > 0);
console.log('typeof nextTick', typeof process.nextTick);
console.log('exitCode initially', process.exitCode);
