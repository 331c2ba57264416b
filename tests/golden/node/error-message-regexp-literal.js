// A regular expression literal V8 refuses is a syntax error before anything runs, with the
// literal underlined.
console.log('never printed');
const words = /(\w+/g;
console.log(words);
