// Rejecting with a non-Error value.
Promise.reject(42);
console.log('main done');
