// indexOf / includes / lastIndexOf, write, fill, copy, read/write of integers.
const b = Buffer.from('this is a buffer, a buffer');
console.log(b.indexOf('buffer'), b.indexOf('buffer', 11), b.lastIndexOf('buffer'), b.indexOf('nope'), b.indexOf(0x61), b.indexOf(Buffer.from('is')));
console.log(b.includes('a b'), b.includes('zzz'), b.includes('this', 1));
const w = Buffer.alloc(8);
console.log(w.write('hey'), w.write('€uro', 3), w, w.write('zz', 7));
console.log(Buffer.alloc(6).fill('xy'), Buffer.alloc(4).fill(0x41, 1, 3));
const dst = Buffer.alloc(6, '.');
console.log(Buffer.from('abcdef').copy(dst, 2, 1, 3), dst.toString());
const n = Buffer.alloc(8);
console.log(n.writeUInt8(255, 0), n.writeUInt16LE(0x1234, 1), n.writeUInt32BE(0xdeadbeef, 3), n);
console.log(n.readUInt8(0), n.readUInt16LE(1).toString(16), n.readUInt32BE(3).toString(16), n.readInt8(0), n.readUint16BE(1));
const f = Buffer.alloc(8);
f.writeInt32LE(-2, 0); f.writeInt16BE(-300, 4);
console.log(f, f.readInt32LE(0), f.readInt16BE(4));
const d = Buffer.alloc(8); d.writeDoubleLE(1.5); console.log(d, d.readDoubleLE(0));
for (const fn of [() => n.readUInt8(8), () => n.readUInt32LE(6), () => n.writeUInt8(256), () => n.writeInt8(-129, 0), () => Buffer.alloc(2).readUInt32LE()]) {
  try { fn(); } catch (e) { console.log(e.name, e.code, e.message); }
}
