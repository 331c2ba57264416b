// util.promisify: node-style callbacks, util.promisify.custom, the custom forms of the timers
const util = require('util');
function add(a, b, cb) { setImmediate(() => cb(null, a + b)); }
function fail(cb) { cb(new Error('failed')); }
function custom(cb) { cb(null, 'ignored'); }
custom[util.promisify.custom] = () => Promise.resolve('from custom');
const sleep = util.promisify(setTimeout);
const nextImmediate = util.promisify(setImmediate);
async function main() {
  console.log(await util.promisify(add)(2, 3));
  try { await util.promisify(fail)(); } catch (e) { console.log('rejected', e.message); }
  console.log(await util.promisify(custom)());
  console.log(util.promisify(custom) === custom[util.promisify.custom]);
  console.log(typeof util.promisify.custom, util.promisify.custom.toString());
  console.log(await sleep(5, 'slept'), await nextImmediate('next'));
  console.log(setTimeout[util.promisify.custom] === sleep, util.promisify(add).name);
  const p = util.promisify(add);
  console.log(util.promisify(p) === p);
  try { util.promisify(42); } catch (e) { console.log(e.code, e.message); }
}
main();
