// fork: bad arguments throw at once, with node's codes.
const { fork } = require('child_process');
const attempts = [
  () => fork(42),
  () => fork('x.js', 'not an array'),
  () => fork('x.js', [], 'not an object'),
  () => fork('x.js', [], { stdio: ['pipe', 'pipe', 'pipe'] }),
  () => fork('x.js', [], { stdio: 'bogus' }),
  () => fork('x.js', [], { execPath: 'a\u0000b' }),
];
for (const attempt of attempts) {
  try { attempt(); console.log('no error'); } catch (e) { console.log(e.name, e.code, e.message); }
}
