setTimeout(() => {
  console.log("later");
}, 100
console.log("now");
