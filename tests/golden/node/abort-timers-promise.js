// A signal used to stop work: a timer cleared on abort, a promise rejected with the reason.
function wait(ms, signal) {
  return new Promise((resolve, reject) => {
    signal.throwIfAborted();
    const id = setTimeout(() => resolve(`waited ${ms}`), ms);
    signal.addEventListener('abort', () => { clearTimeout(id); reject(signal.reason); }, { once: true });
  });
}
const c = new AbortController();
wait(5, c.signal).then(console.log);
const p = wait(50, c.signal).then(console.log, (e) => console.log('rejected:', e.name, e.message));
setTimeout(() => c.abort(), 10);
p.then(() => wait(1, c.signal)).catch((e) => console.log('already aborted:', e.name));
