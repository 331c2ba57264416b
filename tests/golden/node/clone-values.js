// structuredClone: deep copies of objects, arrays, Map, Set, Date, RegExp, typed arrays, errors.
const src = {
  n: 1, s: 'str', b: true, nil: null, u: undefined, big: 10n,
  arr: [1, [2, 3], , 4], date: new Date(0), re: /a+b/gi,
  map: new Map([['k', { v: 1 }]]), set: new Set([1, 'two']),
  u8: new Uint8Array([1, 2, 3]), f64: new Float64Array([0.5]),
  nested: { deep: { deeper: [1, 2] } }, err: new RangeError('boom'),
};
const c = structuredClone(src);
console.log(c);
console.log(c !== src, c.nested.deep !== src.nested.deep, c.map.get('k') !== src.map.get('k'), c.date instanceof Date, c.date.getTime());
console.log(c.err instanceof RangeError, c.err.message, c.re.lastIndex, c.re.flags, 'u' in c, c.u);
class Point { constructor() { this.x = 1; } get y() { return 2; } }
const other = structuredClone({ ab: new Uint8Array([5, 6]).buffer, boxed: new String('box'), num: new Number(3) });
console.log(other.ab instanceof ArrayBuffer, new Uint8Array(other.ab), typeof other.boxed, other.boxed instanceof String, other.boxed.valueOf(), other.num + 1);
const p = structuredClone(new Point());
console.log(p, p instanceof Point, Object.getPrototypeOf(p) === Object.prototype);
console.log(structuredClone(Buffer.from('hi')), structuredClone('plain'), structuredClone(42));
const shared = new Uint8Array([9, 8, 7, 6]);
const views = structuredClone([shared.subarray(0, 2), shared.subarray(2)]);
console.log(views, views[0].buffer === views[1].buffer);
