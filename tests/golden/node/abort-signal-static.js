// AbortSignal.abort() is aborted already; AbortSignal.timeout(ms) aborts on the timers list
// with a TimeoutError and does not keep the process alive on its own.
const a = AbortSignal.abort();
console.log(a.aborted, a.reason.name, AbortSignal.abort('why').reason);
const t = AbortSignal.timeout(100);
t.addEventListener('abort', () => console.log('timeout fired', t.reason.name, t.reason.message, t.reason.code));
setTimeout(() => console.log('5 ms', t.aborted), 5);
setTimeout(() => console.log('200 ms', t.aborted), 200);
const lonely = AbortSignal.timeout(5000);
lonely.onabort = () => console.log('never: the process has exited');
const any = AbortSignal.any([new AbortController().signal, t]);
any.onabort = () => console.log('any', any.reason.name);
const target = new EventTarget();
target.addEventListener('ping', (e) => console.log('ping', e.type, e instanceof Event));
console.log(target.dispatchEvent(new Event('ping')));
