// Handled only in a timer: too late, the process has already crashed.
const p = Promise.reject(new Error('too late'));
setTimeout(() => {
  p.catch(() => console.log('never'));
}, 0);
console.log('main');
