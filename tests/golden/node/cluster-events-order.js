// cluster: one worker's life as the primary sees it: fork, online, listening, disconnect, exit,
// each on the worker and then on the cluster, and the worker's state along the way.
const cluster = require('cluster');
const http = require('http');
if (cluster.isPrimary) {
  const worker = cluster.fork();
  console.log('forked', worker.id, worker.state, worker.isConnected(), worker.isDead());
  for (const e of ['fork', 'online', 'listening', 'disconnect', 'exit']) {
    cluster.on(e, (w, a, b) => console.log(`cluster '${e}'`, w.id, e === 'listening' ? [typeof a.port, a.address, a.addressType] : e === 'exit' ? [a, b] : '', w.state));
  }
  for (const e of ['online', 'listening', 'disconnect', 'exit']) {
    worker.on(e, (a, b) => console.log(`worker '${e}'`, e === 'exit' ? [a, b] : '', worker.state));
  }
  cluster.on('listening', (w) => w.disconnect());
  cluster.on('exit', (w) => console.log('after exit:', w.exitedAfterDisconnect, w.isDead(), w.isConnected(), Object.keys(cluster.workers)));
} else {
  http.createServer((req, res) => res.end('ok')).listen(0, '127.0.0.1');
}
