// NaN becomes 1 ms; a numeric string is converted to a number.
setTimeout(() => console.log("'10' (string)"), '10');
setTimeout(() => console.log('NaN'), NaN);
setTimeout(() => console.log('5'), 5);
setTimeout(() => console.log("'abc' (not a number)"), 'abc');
setTimeout(() => console.log('undefined'), undefined);
