// Buffer.from(str, enc) and buf.toString(enc) for each of node's encodings.
const text = 'héllo wörld €';
for (const enc of ['utf8', 'utf-8', 'utf16le', 'ucs2', 'latin1', 'binary', 'base64', 'base64url', 'hex', 'ascii']) {
  const b = Buffer.from(text, enc === 'base64' || enc === 'base64url' || enc === 'hex' ? 'utf8' : enc);
  const s = b.toString(enc);
  console.log(enc.padEnd(9), b.length, s, Buffer.from(s, enc).equals(b));
}
console.log(Buffer.from('aGVsbG8', 'base64').toString());
console.log(Buffer.from('aGk/Pz8-_w', 'base64url'), Buffer.from('aGk/Pz8+/w==', 'base64'));
console.log(Buffer.from('abc', 'ascii').toString('hex'), Buffer.from([0xe9, 0xff, 0x41]).toString('ascii'));
console.log(Buffer.from('4142zz43', 'hex'), Buffer.from('414', 'hex'));
console.log(Buffer.from([0xff, 0xfe, 0x41]).toString('utf8'), Buffer.from([0x61, 0x00, 0x62]).toString('utf16le'));
console.log(Buffer.from('hello world').toString('utf8', 6), Buffer.from('hello').toString('hex', 1, 3));
