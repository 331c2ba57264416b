// cluster: the notes' process guard: a worker killed with SIGKILL is replaced at once by a new
// worker with the next id, which serves on the same port.
const cluster = require('cluster');
const http = require('http');
if (cluster.isPrimary) {
  let port;
  cluster.on('exit', (worker, code, signal) => {
    console.info(`${worker.id} exit.`, code, signal);
    if (worker.id === 1) cluster.fork();
  });
  cluster.on('listening', (worker, address) => {
    port = address.port;
    if (worker.id === 1) {
      console.log('worker 1 listening; kill -9 it');
      worker.process.kill('SIGKILL');
      return;
    }
    http.get({ host: '127.0.0.1', port, agent: false }, (res) => {
      let body = '';
      res.on('data', (d) => { body += d; });
      res.on('end', () => {
        console.log('answer:', body);
        worker.disconnect();
      });
    });
  });
  cluster.fork();
} else {
  http.createServer((req, res) => res.end(`served by worker ${cluster.worker.id}`)).listen(0, '127.0.0.1');
}
