// Child: answers the first message with a sum, then exits by itself.
process.on('message', (m) => {
  let sum = 0;
  for (let i = 0; i < 10000; i++) sum += i;
  console.log('child got', m);
  process.send({ sum });
  process.exit(0);
});
