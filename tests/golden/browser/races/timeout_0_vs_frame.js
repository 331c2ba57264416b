// A zero-delay timer set by the script always runs before the first animation frame.
setTimeout(() => console.log('timeout 0'), 0);
requestAnimationFrame(() => console.log('animation frame'));
console.log('sync');
