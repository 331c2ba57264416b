// Two values in a row on the first line: V8 names the second one.
let total = 1 2;
console.log(total);
