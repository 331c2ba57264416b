// require('path'): the common functions.
const path = require('path');
console.log(path.join('/a/b', '../c', 'd.js'));
console.log(path.resolve('/x', 'y', '..', 'z'));
console.log(path.basename('/tmp/file.txt'), path.basename('/tmp/file.txt', '.txt'));
console.log(path.dirname('/usr/local/bin/node'));
console.log(path.extname('archive.tar.gz'), JSON.stringify(path.extname('README')));
console.log(path.sep, path.delimiter, path.isAbsolute('/a'), path.isAbsolute('a'));
console.log(path.normalize('/a//b/../c/.'));
console.log(path.parse('/home/user/file.txt'));
console.log(path.relative('/data/a/b', '/data/c'));
