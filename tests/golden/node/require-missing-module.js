// Requiring a file that does not exist.
console.log('before require');
require('./does-not-exist');
