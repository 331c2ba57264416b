// process.kill's errors, os.constants.signals, and a signal delivered to a listener
try { process.kill(2147483, 'SIGTERM'); } catch (e) { console.log(e.message, e.errno, e.code, e.syscall, Object.keys(e)); }
try { process.kill(process.pid, 'SIGFOO'); } catch (e) { console.log(e.name, e.code, e.message); }
try { process.kill('abc'); } catch (e) { console.log(e.code, e.message); }
console.log(process.kill(process.pid, 0));
const os = require('os');
console.log(os.constants.signals.SIGINT, os.constants.signals.SIGTERM, os.constants.signals.SIGUSR2);
console.log(process.listenerCount('SIGUSR2'));
const keep = setInterval(() => {}, 1000);
process.on('SIGUSR2', (name, number) => {
  console.log('got', name, number);
  clearInterval(keep);
  process.removeAllListeners('SIGUSR2');
  setImmediate(() => console.log('after', process.listenerCount('SIGUSR2')));
});
process.kill(process.pid, 'SIGUSR2');
console.log('sent');
