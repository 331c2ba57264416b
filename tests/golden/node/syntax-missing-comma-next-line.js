console.log("sum",
  1 + 2
  3 + 4);
