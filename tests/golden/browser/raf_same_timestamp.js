// Every callback of one frame gets the same timestamp; the next frame gets a later one.
let first;
requestAnimationFrame((t) => {
  first = t;
  console.log('A has a number:', typeof t);
});
requestAnimationFrame((t) => {
  console.log('B same frame as A:', t === first);
  requestAnimationFrame((t2) => console.log('C later than A:', t2 > first));
});
