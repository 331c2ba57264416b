// Child: echoes every message, numbered; leaves when it gets 'bye'.
let n = 0;
process.on('message', (m) => {
  n++;
  process.send({ n, echo: m });
  if (m === 'bye') process.disconnect();
});
