// A missing parenthesis.
console.log('hello'
