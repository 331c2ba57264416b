// let cannot name a variable declared with let
let let = 1;
