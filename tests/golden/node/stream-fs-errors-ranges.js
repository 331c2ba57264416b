// fs.createReadStream: ENOENT as an 'error' event then 'close', in pipeline, start/end ranges, for await.
const fs = require('fs');
const { pipeline } = require('stream');
const r = fs.createReadStream(__dirname + '/missing-file-for-golden.txt');
r.on('error', (e) => console.log('error', e.message.replace(__dirname, '<dir>'), e.code, e.errno, e.syscall));
r.on('close', () => console.log('close'));
pipeline(fs.createReadStream(__dirname + '/missing-file-for-golden.txt'), new (require('stream').PassThrough)(), (err) => console.log('pipeline', err.code));
(async () => {
  let n = 0;
  for await (const chunk of fs.createReadStream(__filename, { highWaterMark: 100 })) n += chunk.length;
  console.log('iterated', n === fs.statSync(__filename).size);
})();
const rs = fs.createReadStream(__filename, { start: 2, end: 6, encoding: 'utf8' });
rs.on('data', (s) => console.log('range', JSON.stringify(s)));
