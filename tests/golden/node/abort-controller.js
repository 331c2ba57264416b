// AbortController: abort() once, reason, the 'abort' event through addEventListener and onabort.
const c = new AbortController();
const s = c.signal;
console.log(s.aborted, s.reason, s.onabort, s instanceof EventTarget, s instanceof AbortSignal);
s.addEventListener('abort', (e) => console.log('listener', e.type, e.target === s, s.aborted, e.isTrusted));
s.onabort = (e) => console.log('onabort', e.type);
s.addEventListener('abort', () => console.log('once'), { once: true });
const removed = () => console.log('never');
s.addEventListener('abort', removed);
s.removeEventListener('abort', removed);
c.abort();
c.abort('again');
console.log(s.aborted, s.reason.name, s.reason.message, s.reason.code, s.reason instanceof DOMException);
const c2 = new AbortController();
c2.abort(new Error('custom'));
console.log(c2.signal.reason.message);
try { c2.signal.throwIfAborted(); } catch (e) { console.log('thrown', e.message); }
new AbortController().signal.throwIfAborted();
console.log('not aborted: no throw');
try { new AbortSignal(); } catch (e) { console.log(String(e), e.code); }
