// A 20 ms timer comes after the first animation frame.
setTimeout(() => console.log('timeout 20'), 20);
requestAnimationFrame(() => console.log('animation frame'));
