// Timers run in order of their expiry; timers with the same delay in the order they were set.
setTimeout(() => console.log('B (20 ms)'), 20)
setTimeout(() => console.log('A (10 ms)'), 10)
setTimeout(() => console.log('C (10 ms, set after A)'), 10)
setTimeout(() => console.log('D (0 ms)'), 0)
