// Rejections handled by then(_, onRejected) and catch: exit 0.
Promise.reject(new Error('a')).then(null, (e) => console.log('onRejected', e.message));
Promise.reject(new Error('b')).catch((e) => console.log('catch', e.message)).finally(() => console.log('finally'));
new Promise((_, reject) => reject('plain')).catch((v) => console.log('caught value', v));
