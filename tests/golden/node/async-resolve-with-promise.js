// new Promise(r => r(otherPromise)) also costs two extra turns.
const inner = Promise.resolve('inner');
new Promise((resolve) => resolve(inner)).then((v) => console.log('outer got', v));
inner.then(() => console.log('inner.then 1')).then(() => console.log('inner.then 2')).then(() => console.log('inner.then 3'));
