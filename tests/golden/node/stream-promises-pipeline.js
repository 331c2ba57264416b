// stream/promises pipeline and finished; an error in a Transform rejects the pipeline.
const { pipeline, finished } = require('stream/promises');
const { Readable, Transform, Writable } = require('stream');
async function main() {
  const out = [];
  await pipeline(
    Readable.from(['a', 'b', 'c']),
    new Transform({ transform(c, e, cb) { cb(null, c.toString().toUpperCase()); } }),
    new Writable({ write(c, e, cb) { out.push(c.toString()); cb(); } }),
  );
  console.log('pipeline resolved', out);
  try {
    await pipeline(
      Readable.from(['x']),
      new Transform({ transform(c, e, cb) { cb(new Error('bad chunk')); } }),
      new Writable({ write(c, e, cb) { cb(); } }),
    );
  } catch (e) {
    console.log('pipeline rejected', e.message);
  }
  const w = new Writable({ write(c, e, cb) { cb(); } });
  w.end('z');
  await finished(w);
  console.log('finished resolved', w.writableFinished);
}
main();
