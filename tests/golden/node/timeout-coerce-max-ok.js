// 2^31-1 is still a valid delay: that timer is cleared before it would fire.
const long = setTimeout(() => console.log('never'), 2 ** 31 - 1);
setTimeout(() => {
  console.log('clearing the long timer');
  clearTimeout(long);
}, 3);
