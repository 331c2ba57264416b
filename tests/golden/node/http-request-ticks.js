// Inside a 'request' handler (poll phase): end() queues the response's 'finish' as a tick, so
// it comes before the handler's own tick; 'close' is a tick queued by 'finish'; promise jobs
// run after all ticks, and the immediate in the check phase.
const http = require('http');

const server = http.createServer((req, res) => {
  console.log('request handler');
  res.on('finish', () => console.log('finish'));
  res.on('close', () => console.log('res close'));
  res.end('ok');
  process.nextTick(() => console.log('tick in handler'));
  Promise.resolve().then(() => console.log('promise in handler'));
  setImmediate(() => console.log('immediate in handler'));
  console.log('handler returns');
});

server.listen(0, () => {
  http.get({ port: server.address().port, agent: false }, (res) => {
    res.resume();
    res.on('end', () => server.close());
  });
});
