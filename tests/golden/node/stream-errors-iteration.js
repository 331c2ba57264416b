// for await: a destroyed Readable's error is thrown, break destroys the stream; a failing write; a Dirent as node prints it.
const { Readable, Writable, finished, pipeline } = require('stream');
const fs = require('fs');
(async () => {
  const r = new Readable({ read() { this.push('a'); this.destroy(new Error('mid')); } });
  try { for await (const c of r) console.log('got', c.toString()); } catch (e) { console.log('caught', e.message); }
  const r2 = Readable.from([1, 2, 3]);
  for await (const x of r2) { console.log('x', x); break; }
  console.log('after break', r2.destroyed);
  const d = fs.readdirSync(__dirname, { withFileTypes: true }).find((e) => e.name === 'stream-errors-iteration.js');
  console.log(d);
})();
const w = new Writable({ write(c, e, cb) { cb(new Error('write failed')); } });
w.on('error', (e) => console.log('w error', e.message));
w.on('close', () => console.log('w close'));
w.write('x', (err) => console.log('write cb', err && err.message));
finished(w, (err) => console.log('finished', err && err.message));
