// A rejected promise nobody handles is reported as "Uncaught (in promise)" by a task queued
// after the microtask checkpoint: tasks queued before it run first.
setTimeout(() => console.log('timer queued before'), 0);
Promise.reject(new Error('nobody caught me'));
console.log('sync');
setTimeout(() => console.log('timer 10 ms'), 10);
