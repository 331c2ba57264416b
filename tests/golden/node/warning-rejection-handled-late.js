// Rejections handled after they were reported: PromiseRejectionHandledWarning with their ids.
process.on('unhandledRejection', (reason) => { console.log('unhandled', String(reason)); });
const p = Promise.reject(new Error('x'));
const q = Promise.reject(new Error('y'));
Promise.reject(new Error('handled at once')).catch(() => {});
setTimeout(() => { p.catch(() => console.log('caught p')); }, 1);
setTimeout(() => { q.catch(() => console.log('caught q')); }, 2);
setTimeout(() => console.log('end'), 10);
