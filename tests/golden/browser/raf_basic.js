// requestAnimationFrame runs before the next paint: after the script and its microtasks.
requestAnimationFrame(() => console.log('animation frame'));
Promise.resolve().then(() => console.log('microtask'));
console.log('sync');
