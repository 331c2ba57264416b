// assert.rejects and assert.doesNotReject, awaited
const assert = require('assert');
async function main() {
  await assert.rejects(Promise.reject(new TypeError('nope')), TypeError);
  console.log('rejects with TypeError');
  await assert.rejects(async () => { throw new Error('later'); }, { message: 'later' });
  console.log('rejects with message');
  try { await assert.rejects(Promise.resolve(1)); } catch (e) { console.log(e.operator, e.message); }
  try { await assert.rejects(async () => 1, Error, 'must fail'); } catch (e) { console.log(e.operator, e.message); }
  await assert.doesNotReject(Promise.resolve('fine'));
  console.log('doesNotReject');
  try { await assert.doesNotReject(() => Promise.reject(new Error('oops'))); } catch (e) { console.log(e.operator, e.message); }
  try { await assert.rejects(() => 5); } catch (e) { console.log(e.code, e.message); }
  try { await assert.rejects(Promise.resolve('quiet'), Error); } catch (e) { console.log(e.operator, e.message, e.generatedMessage); }
}
main();
