// require('os'): tmpdir, cpus, EOL.
const os = require('os');
console.log(typeof os.tmpdir(), os.tmpdir().length > 0);
console.log(Array.isArray(os.cpus()), os.cpus().length >= 1);
console.log(JSON.stringify(os.EOL));
console.log(typeof os.cpus()[0].model);
