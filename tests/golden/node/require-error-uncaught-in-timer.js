// A required file's function throws in a timer: the header points at its throw.
const { later } = require('mn-require-error');
later('timer');
