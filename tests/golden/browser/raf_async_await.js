// An async function awaiting inside a rAF callback resumes in that callback's checkpoint.
requestAnimationFrame(async () => {
  console.log('raf 1 start');
  await null;
  console.log('raf 1 after await');
  await new Promise((r) => setTimeout(r, 0));
  console.log('raf 1 after a timer');
});
requestAnimationFrame(() => console.log('raf 2'));
