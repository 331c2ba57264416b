// Negative, NaN and string delays: each becomes a number (0 when it is not one).
setTimeout(() => console.log('delay 30'), 30);
setTimeout(() => console.log('delay "20"'), '20');
setTimeout(() => console.log('delay -5'), -5);
setTimeout(() => console.log('delay NaN'), NaN);
setTimeout(() => console.log('delay undefined'));
console.log('sync');
