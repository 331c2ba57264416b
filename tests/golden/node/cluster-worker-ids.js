// cluster: worker ids start at 1 and are never reused, even when a worker dies and the primary
// forks again (the notes' process guard).
const cluster = require('cluster');
if (cluster.isPrimary) {
  let forks = 0;
  const start = () => {
    forks++;
    const w = cluster.fork({ TURN: String(forks) });
    console.log('forked worker', w.id, 'workers now', Object.keys(cluster.workers));
  };
  cluster.on('exit', (worker, code, signal) => {
    console.log(`${worker.id} exit.`, code, signal, worker.isDead(), worker.state, Object.keys(cluster.workers));
    if (forks < 4) start();
  });
  start();
} else {
  process.exit(Number(process.env.TURN) + 10);
}
