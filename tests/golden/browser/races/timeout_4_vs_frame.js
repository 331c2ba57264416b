// A 4 ms timer races the first animation frame: either can come first.
setTimeout(() => console.log('timeout 4'), 4);
requestAnimationFrame(() => console.log('animation frame'));
