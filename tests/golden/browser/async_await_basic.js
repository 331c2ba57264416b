// await pauses the async function; the caller goes on synchronously.
async function main() {
  console.log('main start');
  await null;
  console.log('main after await');
}
console.log('before');
main();
console.log('after');
