// Worker file for worker-syntax-error.js: it does not parse.
const ready = ;
