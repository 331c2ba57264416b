// Extra arguments to setTimeout, setInterval and process.nextTick.
setTimeout((a, b) => console.log('timeout', a, b), 0, 'x', 42);
process.nextTick((a, b) => console.log('nextTick', a, b), 'p', 'q');
const id = setInterval((word) => { console.log('interval', word); clearInterval(id); }, 1, 'once');
