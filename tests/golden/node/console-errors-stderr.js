// Error objects and console.error / console.warn go to stderr.
console.error('to stderr');
console.warn('warn also goes to stderr');
console.info('info goes to stdout');
console.log('log goes to stdout');
const e = new Error('plain error');
console.error(e);
const t = new TypeError('typed');
t.code = 'E_CODE';
console.error(t);
console.error({ nested: new RangeError('inside an object') });
console.log('message only:', e.message, String(t));
