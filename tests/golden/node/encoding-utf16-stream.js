// TextDecoder('utf-16le') fed one byte at a time keeps a split code unit and a split surrogate
// pair for the next call.
const bytes = Buffer.from('a€😀b', 'utf16le');
const d = new TextDecoder('utf-16le');
let out = '';
for (const b of bytes) out += d.decode(new Uint8Array([b]), { stream: true });
out += d.decode();
console.log(out, out === 'a€😀b', bytes.length);
console.log(JSON.stringify(new TextDecoder('utf-16le').decode(new Uint8Array([0x61, 0x00, 0x3d, 0xd8]))), JSON.stringify(new TextDecoder('utf-16le').decode(new Uint8Array([0x61, 0x00, 0x62]))));
