// cancelAnimationFrame removes a callback before its frame.
const id = requestAnimationFrame(() => console.log('cancelled (never)'));
requestAnimationFrame(() => console.log('kept'));
console.log('id is a number:', typeof id);
cancelAnimationFrame(id);
