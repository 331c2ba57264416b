// Two HTTP servers on one port: the second's 'error' is EADDRINUSE.
const http = require('http');

const first = http.createServer();
first.listen(0, () => {
  const second = http.createServer();
  second.on('error', (err) => {
    console.log(err.code, err.syscall, err.address, err.port === first.address().port);
    console.log(err.message.replace(/\d+$/, 'PORT'));
    first.close();
  });
  second.listen(first.address().port);
});
