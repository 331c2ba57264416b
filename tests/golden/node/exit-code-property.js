// process.exitCode sets the code used when the loop ends naturally.
process.exitCode = 7;
setTimeout(() => {
  console.log('exitCode is', process.exitCode);
  process.exitCode = 4;
}, 1);
