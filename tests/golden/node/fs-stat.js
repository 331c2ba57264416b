// stat on a file and on a directory.
const fs = require('fs');
fs.stat(__filename, (err, st) => {
  console.log('file', err, st.isFile(), st.isDirectory(), st.size === fs.readFileSync(__filename).length);
  fs.stat(__dirname, (err2, st2) => {
    console.log('dir', err2, st2.isFile(), st2.isDirectory());
  });
});
const s = fs.statSync(__filename);
console.log('statSync', s.isFile(), typeof s.size);
