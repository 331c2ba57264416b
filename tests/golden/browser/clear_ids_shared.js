// setTimeout and setInterval share one id space: clearInterval cancels a timeout and back.
const t = setTimeout(() => console.log('timeout (never)'), 5);
const i = setInterval(() => console.log('interval (never)'), 5);
clearInterval(t);
clearTimeout(i);
setTimeout(() => console.log('done'), 10);
