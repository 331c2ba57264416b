// 0 and negative delays become 1 ms: they share one list, in insertion order.
setTimeout(() => console.log('delay 1'), 1);
setTimeout(() => console.log('delay -5'), -5);
setTimeout(() => console.log('delay 0'), 0);
setTimeout(() => console.log('no delay'));
setTimeout(() => console.log('delay 2'), 2);
