// Fractional delays are truncated: 1.7 joins the 1 ms list, so the 1 ms timer set after it runs
// after it; 30.5 goes to the 30 ms list.
setTimeout(() => console.log('1.7'), 1.7);
setTimeout(() => console.log('30.5'), 30.5);
setTimeout(() => console.log('1'), 1);
