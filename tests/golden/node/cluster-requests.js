// cluster (round-robin): two workers share one port; the primary asks it 6 times, one request
// after another, and the primary hands the connections to the workers in turn; each worker
// leaves after serving 3.
const cluster = require('cluster');
const http = require('http');
if (cluster.isPrimary) {
  cluster.fork();
  cluster.fork();
  let listening = 0;
  const served = {};
  cluster.on('listening', (worker, address) => {
    if (++listening < 2) return;
    let n = 0;
    const ask = () => {
      http.get({ host: '127.0.0.1', port: address.port, path: `/${n}`, agent: false }, (res) => {
        let body = '';
        res.on('data', (d) => { body += d; });
        res.on('end', () => {
          served[body] = (served[body] || 0) + 1;
          if (++n < 6) ask();
        });
      });
    };
    ask();
  });
  let exits = 0;
  cluster.on('exit', (worker, code) => {
    if (++exits === 2) {
      console.log('served per worker', Object.keys(served).sort().map((k) => `${k}: ${served[k]}`));
      console.log('last exit code', code, 'workers left', Object.keys(cluster.workers));
    }
  });
} else {
  let count = 0;
  const server = http.createServer((req, res) => {
    res.end(`worker ${cluster.worker.id}`);
    if (++count === 3) { server.close(); cluster.worker.disconnect(); }
  });
  server.listen(0, '127.0.0.1');
}
