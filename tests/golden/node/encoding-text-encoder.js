// TextEncoder: utf-8 bytes, a lone surrogate as U+FFFD, encodeInto's read/written counts.
const te = new TextEncoder();
console.log(te.encoding, te.encode('hi €'), te.encode(), te.encode('a\uD800b'));
const dest = new Uint8Array(5);
console.log(te.encodeInto('h€llo', dest), dest);
console.log(te.encodeInto('😀x', new Uint8Array(3)));
console.log(Buffer.from(te.encode('round trip ✓')).toString());
console.log(typeof TextEncoder, typeof TextDecoder, Object.prototype.toString.call(te.encode('')));
