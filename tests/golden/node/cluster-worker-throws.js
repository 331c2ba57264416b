// cluster: a worker that throws at start-up prints node's report and exits with 1; the primary
// sees 'exit' without 'online'.
const cluster = require('cluster');
if (cluster.isPrimary) {
  const w = cluster.fork();
  w.on('online', () => console.log('online'));
  cluster.on('exit', (worker, code, signal) => console.log('exit', worker.id, code, signal, worker.exitedAfterDisconnect));
} else {
  throw new TypeError('the worker cannot start');
}
