setTimeout(() => {
  console.log('tick');
}
