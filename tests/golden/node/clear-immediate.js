// clearImmediate from the main script and from an earlier immediate.
const a = setImmediate(() => console.log('a never'));
let c;
setImmediate(() => { console.log('b'); clearImmediate(c); });
c = setImmediate(() => console.log('c never'));
setImmediate(() => console.log('d'));
clearImmediate(a);
