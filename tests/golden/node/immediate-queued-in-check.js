// An immediate queued during the check phase runs in the NEXT iteration's check phase,
// after every immediate that was already queued.
setImmediate(() => {
  console.log('immediate 1');
  setImmediate(() => console.log('immediate 3 (queued in check)'));
});
setImmediate(() => console.log('immediate 2'));
