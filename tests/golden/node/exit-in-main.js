// process.exit() in the main script: nothing queued runs; default code 0.
process.nextTick(() => console.log('never: tick'));
setTimeout(() => console.log('never: timer'), 0);
console.log('exiting');
process.exit();
console.log('never: after exit');
