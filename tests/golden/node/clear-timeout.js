// clearTimeout before it fires, from main and from another timer.
const a = setTimeout(() => console.log('a never'), 0);
const b = setTimeout(() => console.log('b never'), 100);
setTimeout(() => console.log('c runs'), 50);
setTimeout(() => { clearTimeout(b); console.log('cleared b'); }, 1);
clearTimeout(a);
clearTimeout(undefined);
clearTimeout(null);
console.log('cleared a');
