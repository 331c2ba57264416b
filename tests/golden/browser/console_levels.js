// console.info, warn and error print to the same console, in order.
console.log('log');
console.info('info');
console.warn('warn');
console.error('error');
console.log('done');
