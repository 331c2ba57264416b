// Timers with the same delay fire in the order they were created.
for (let i = 1; i <= 5; i++) {
  setTimeout(() => console.log('timer', i), 20);
}
