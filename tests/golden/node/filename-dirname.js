// __filename and __dirname.
const path = require('path');
console.log(path.basename(__filename));
console.log(path.basename(__dirname));
console.log(path.dirname(__filename) === __dirname);
console.log(path.isAbsolute(__filename));
console.log(__filename);
console.log(__dirname);
