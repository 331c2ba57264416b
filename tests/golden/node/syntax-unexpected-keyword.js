const ready = 1
let x = ready true;
