// An unknown encoding is node's ERR_UNKNOWN_ENCODING TypeError; Buffer.isEncoding says which are known.
console.log(['utf8', 'UTF-8', 'Latin1', 'binary', 'ucs-2', 'base64url', 'hex', 'utf32', '', 'foo'].map((e) => Buffer.isEncoding(e)).join(' '));
for (const fn of [() => Buffer.from('x', 'utf32'), () => Buffer.from('x').toString('nope'), () => Buffer.alloc(2).write('a', 'bogus'), () => Buffer.from(42), () => Buffer.alloc(-1)]) {
  try { fn(); } catch (e) { console.log(String(e)); console.log(e.name, e.code, e instanceof TypeError, Object.keys(e)); }
}
console.log(Buffer.byteLength('abc', 'nope'));
try { Buffer.from('x').toString('utf32'); } catch (e) { console.log(e.stack.split('\n')[0]); }
