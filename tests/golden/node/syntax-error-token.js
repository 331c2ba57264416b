// A syntax error: nothing runs, exit 1.
console.log('never printed');
let x = ;
