// Resident memory of a process with N idle worker threads (N from argv, default 1): each worker
// waits for a message; once all are online the parent prints its RSS in MB, then stops them.
// Runs the same under node and `mini-node run` (benches/vs-node-workers.sh runs both).
const { Worker } = require('worker_threads');

const n = Number(process.argv[2] || 1);
const workers = [];
let ready = 0;
function report() {
  const mb = process.memoryUsage().rss / (1024 * 1024);
  console.log(`${n} ${mb.toFixed(1)}`);
  for (const w of workers) w.terminate();
}
for (let i = 0; i < n; i++) {
  const w = new Worker(`
    const { parentPort } = require('worker_threads');
    parentPort.on('message', () => {});
    parentPort.postMessage('ready');
  `, { eval: true });
  w.on('message', () => {
    ready++;
    // a moment for each thread to settle after its first message
    if (ready === n) setTimeout(report, 200);
  });
  workers.push(w);
}
if (n === 0) setTimeout(report, 200);
