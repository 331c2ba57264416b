// cluster: exitedAfterDisconnect tells a worker that was disconnected (by the primary or itself)
// from one that died or was killed.
const cluster = require('cluster');
if (cluster.isPrimary) {
  const plans = ['primary disconnects', 'worker disconnects itself', 'primary kills', 'worker exits'];
  let i = 0;
  const next = () => {
    if (i === plans.length) return;
    const plan = plans[i++];
    const w = cluster.fork({ PLAN: plan });
    w.on('online', () => {
      if (plan === 'primary disconnects') w.disconnect();
      if (plan === 'primary kills') w.kill();
    });
    w.on('exit', (code, signal) => {
      console.log(`worker ${w.id} (${plan}): exit ${code} ${signal}, exitedAfterDisconnect = ${w.exitedAfterDisconnect}`);
      next();
    });
  };
  next();
} else {
  if (process.env.PLAN === 'worker disconnects itself') cluster.worker.disconnect();
  if (process.env.PLAN === 'worker exits') process.exit(4);
}
