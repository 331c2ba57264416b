function g(n) { return n; }
console.log(g(1) 2);
