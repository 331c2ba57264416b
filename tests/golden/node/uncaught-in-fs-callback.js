// An uncaught exception inside an fs callback.
const fs = require('fs');
fs.stat(__filename, () => {
  console.log('stat done');
  undefinedFunction();
});
