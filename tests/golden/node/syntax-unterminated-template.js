const name = "world";
const greeting = `hello ${name}
console.log(greeting);
