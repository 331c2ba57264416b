// Timer ids are positive integers, and clearTimeout(undefined) does nothing.
const id = setTimeout(() => console.log('fired'), 0);
console.log(Number.isInteger(id) && id > 0);
clearTimeout(undefined);
clearTimeout(123456);
