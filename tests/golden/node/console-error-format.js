// console.error also formats (to stderr).
console.error('%s failed with code %d', 'task', 2);
console.error({ a: 1 }, [1, 2]);
console.log('%d', -0, '%i', -0);
