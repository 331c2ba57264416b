// Child: answers the first message; exits when the second comes.
process.on('message', (m) => {
  if (m === 'go') process.send('answer');
  else process.exit(0);
});
