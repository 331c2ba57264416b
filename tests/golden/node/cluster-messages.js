// cluster: messages both ways: worker.send / process.on('message') in the worker, process.send /
// worker.on('message') and cluster.on('message', worker, message) in the primary.
const cluster = require('cluster');
if (cluster.isPrimary) {
  const worker = cluster.fork();
  cluster.on('message', (w, m, handle) => console.log('cluster message from', w.id, m, handle));
  worker.on('message', (m) => {
    console.log('worker.on message', m);
    if (m.count < 3) worker.send({ count: m.count + 1 });
    else worker.disconnect();
  });
  worker.on('exit', (code) => console.log('exit', code, worker.exitedAfterDisconnect));
  worker.send({ count: 1 });
} else {
  process.on('message', (m) => {
    process.send({ count: m.count, from: cluster.worker.id, isWorker: cluster.isWorker });
  });
}
