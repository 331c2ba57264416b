// cluster with SCHED_NONE: the primary binds the port and sends the listening socket itself to
// each worker, which accepts on it (the kernel picks which worker gets a connection).
const cluster = require('cluster');
const http = require('http');
if (cluster.isPrimary) {
  cluster.schedulingPolicy = cluster.SCHED_NONE;
  cluster.fork();
  cluster.fork();
  let listening = 0;
  let answers = 0;
  cluster.on('listening', (worker, address) => {
    console.log('a worker is listening:', typeof address.port, address.address);
    if (++listening < 2) return;
    console.log('policy', cluster.schedulingPolicy === cluster.SCHED_NONE ? 'none' : 'rr');
    const ask = () => {
      http.get({ host: '127.0.0.1', port: address.port, agent: false }, (res) => {
        res.resume();
        res.on('end', () => {
          if (++answers < 4) ask();
          else cluster.disconnect(() => console.log('answers', answers, 'workers left', Object.keys(cluster.workers)));
        });
      });
    };
    ask();
  });
} else {
  http.createServer((req, res) => res.end('ok')).listen(0, '127.0.0.1');
}
