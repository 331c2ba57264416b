// The notes' `cupLength` is a typo for cpuLength: both names are just os.cpus().length.
const cupLength = require('os').cpus().length;
const cpuLength = require('os').cpus().length;
console.log(cupLength === cpuLength, cpuLength > 0);
