// NaN becomes 1 ms; a numeric string is converted to a number.
setTimeout(() => console.log("'100' (string)"), '100');
setTimeout(() => console.log('NaN'), NaN);
setTimeout(() => console.log('50'), 50);
setTimeout(() => console.log("'abc' (not a number)"), 'abc');
setTimeout(() => console.log('undefined'), undefined);
