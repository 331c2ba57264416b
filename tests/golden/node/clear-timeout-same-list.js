// Clearing a timer from the same list while that list is being run.
let second;
setTimeout(() => { console.log('first clears second'); clearTimeout(second); }, 2);
second = setTimeout(() => console.log('second never'), 2);
setTimeout(() => console.log('third'), 2);
