// await inside a loop with timers: a sleep helper.
const sleep = (ms, v) => new Promise((r) => setTimeout(() => r(v), ms));
async function main() {
  for (const ms of [30, 10, 20]) {
    const v = await sleep(ms, ms);
    console.log('slept', v);
  }
  return 'done';
}
main().then((r) => console.log(r));
process.nextTick(() => console.log('tick before any sleep'));
