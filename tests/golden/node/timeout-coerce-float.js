// Fractional delays are truncated: 1.7 joins the 1 ms list (insertion order), 2.5 the 2 ms list.
setTimeout(() => console.log('2.5'), 2.5);
setTimeout(() => console.log('1.7'), 1.7);
setTimeout(() => console.log('1'), 1);
