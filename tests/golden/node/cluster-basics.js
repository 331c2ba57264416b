// cluster in the primary: isPrimary / isMaster / isWorker, the policies, setupPrimary's settings
// and its 'setup' event, no worker of its own.
const cluster = require('cluster');
console.log(cluster.isPrimary, cluster.isMaster, cluster.isWorker, cluster.worker);
console.log(cluster.SCHED_NONE, cluster.SCHED_RR, cluster.schedulingPolicy === cluster.SCHED_RR);
console.log(Object.keys(cluster.workers), cluster.settings);
cluster.on('setup', (settings) => console.log('setup', Object.keys(settings).sort(), settings.silent, settings.args));
cluster.setupPrimary({ silent: true, args: ['--one'] });
console.log('exec is this file:', cluster.settings.exec === __filename);
console.log(cluster.setupMaster === cluster.setupPrimary, typeof cluster.fork, typeof cluster.disconnect);
cluster.disconnect(() => console.log('disconnect callback with no workers'));
