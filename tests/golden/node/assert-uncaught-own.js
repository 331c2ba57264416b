// an AssertionError the script throws itself is reported at the script's throw
const { AssertionError } = require('assert');
function check(v) { if (!v) throw new AssertionError({ message: 'custom check failed', actual: v, expected: true, operator: 'check' }); }
check(0);
