// Same delay: insertion order.
for (let i = 0; i < 6; i++) {
  setTimeout(() => console.log('timer', i), 3);
}
