// exec through util.promisify: { stdout, stderr }, or a rejection carrying them.
const util = require('util');
const { exec } = require('child_process');
const run = util.promisify(exec);
(async () => {
  const { stdout, stderr } = await run('echo promised');
  console.log(JSON.stringify(stdout), JSON.stringify(stderr));
  try {
    await run('echo out; exit 1');
  } catch (e) {
    console.log('rejected', e.code, JSON.stringify(e.stdout), JSON.stringify(e.stderr));
  }
})();
