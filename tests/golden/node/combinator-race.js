// Promise.race: the first to settle wins.
const sleep = (ms, v) => new Promise((r) => setTimeout(() => r(v), ms));
Promise.race([sleep(300, 'slow'), sleep(100, 'fast')]).then((v) => console.log('race', v));
Promise.race([Promise.resolve('already'), 'plain']).then((v) => console.log('race sync', v));
Promise.race([new Promise((_, rej) => setTimeout(rej, 1, new Error('boom'))), sleep(500, 'late')]).catch((e) => console.log('race rejected', e.message));
