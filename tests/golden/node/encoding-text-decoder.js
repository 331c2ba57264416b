// TextDecoder: utf-8 and utf-16le, BOM handling, fatal mode, streaming a split sequence.
const d = new TextDecoder();
console.log(d.encoding, d.fatal, d.ignoreBOM);
console.log(d.decode(new Uint8Array([0xef, 0xbb, 0xbf, 0x68, 0x69])), d.decode(new Uint8Array([0x61, 0xff, 0x62, 0xe2, 0x82])));
console.log(new TextDecoder('utf-8', { ignoreBOM: true }).decode(new Uint8Array([0xef, 0xbb, 0xbf, 0x68])).length);
console.log(d.decode(new Uint8Array([0xe2, 0x82, 0xac]).buffer), d.decode(new DataView(new Uint8Array([0x6f, 0x6b]).buffer)), JSON.stringify(d.decode()));
const u16 = new TextDecoder('utf-16le');
console.log(u16.encoding, u16.decode(new Uint8Array([0xff, 0xfe, 0x68, 0x00, 0xac, 0x20])), new TextDecoder('UTF-16').encoding, new TextDecoder(' utf8 ').encoding);
const fatal = new TextDecoder('utf-8', { fatal: true });
try { fatal.decode(new Uint8Array([0x61, 0xc3])); } catch (e) { console.log(String(e), e.code, e instanceof TypeError); }
try { new TextDecoder('foo'); } catch (e) { console.log(String(e), e.code, e instanceof RangeError); }
const s = new TextDecoder();
const bytes = new TextEncoder().encode('a€😀b');
let out = '';
for (let i = 0; i < bytes.length; i++) out += s.decode(bytes.subarray(i, i + 1), { stream: true });
out += s.decode();
console.log(out, out === 'a€😀b');
