console.log("hello);
