// Awaiting a timer: the async function resumes in a later task.
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
async function run(name, ms) {
  console.log(name, 'waits', ms);
  await sleep(ms);
  console.log(name, 'woke');
}
run('slow', 30);
run('fast', 10);
setTimeout(() => console.log('plain 20'), 20);
