// util.callbackify: a promise-returning function with a node-style callback
const util = require('util');
async function ok(x) { return x * 2; }
async function bad() { throw new Error('bad'); }
async function falsy() { return Promise.reject(null); }
util.callbackify(ok)(21, (err, v) => console.log('ok', err, v));
util.callbackify(bad)((err) => console.log('bad', err.message));
util.callbackify(falsy)((err) => console.log('falsy', err.code, err.message, err.reason));
console.log(util.callbackify(ok).name, util.callbackify(ok).length);
try { util.callbackify(ok)(1); } catch (e) { console.log(e.code, e.message); }
console.log('sync end');
