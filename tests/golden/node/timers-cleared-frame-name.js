// A timer's callback frame is `Timeout._onTimeout` while the timer holds the callback; once
// cleared (clearTimeout / clearInterval sets `_onTimeout` to null, as inspect shows), V8 finds
// no name for it: `Timeout.<anonymous>`.
const where = (tag) => console.log(tag, new Error('x').stack.split('\n')[2].trim());
const once = setInterval(() => {
  clearInterval(once);
  where('cleared first');
}, 1);
const named = setTimeout(function tick() {
  clearTimeout(named);
  where('named, cleared');
}, 2);
const kept = setTimeout(() => {
  where('not cleared');
  const t = setTimeout(() => {}, 5);
  clearTimeout(t);
  console.log(t._onTimeout, t._idleTimeout);
}, 3);
