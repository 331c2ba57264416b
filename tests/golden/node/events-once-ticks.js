// events.once is an async function (its extra ticks), promisify and callbackify ticks, against plain promise chains
const { once, EventEmitter } = require('events');
const e = new EventEmitter();
(async () => { const v = await once(e, 'go'); console.log('once resolved', v); })();
e.emit('go', 1);
Promise.resolve().then(() => console.log('p1')).then(() => console.log('p2')).then(() => console.log('p3')).then(() => console.log('p4'));
process.nextTick(() => console.log('tick'));
const util = require('util');
const f = util.promisify((cb) => cb(null, 'v'));
f().then((v) => console.log('promisified', v));
util.callbackify(async () => 'cb')((err, v) => console.log('callbackified', v));
Promise.resolve().then(() => console.log('q1')).then(() => console.log('q2'));
