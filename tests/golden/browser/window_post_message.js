// window.postMessage queues a 'message' event on the window as a task.
window.addEventListener('message', (e) => {
  console.log('window got', e.data);
  if (e.data === 'first') setTimeout(() => console.log('timer from the first message'), 0);
});
setTimeout(() => console.log('timer from the script'), 0);
window.postMessage('first', '*');
window.postMessage({ second: true }, '*');
Promise.resolve().then(() => console.log('microtask'));
