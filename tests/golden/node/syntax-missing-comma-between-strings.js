// A missing comma between two arguments.
console.log("start" "end");
