// Messages arrive in the order they were posted, each as its own task.
const { port1, port2 } = new MessageChannel();
port1.onmessage = (e) => {
  console.log('got', e.data);
  Promise.resolve().then(() => console.log('after', e.data));
};
port2.postMessage(1);
port2.postMessage({ n: 2 });
port2.postMessage([3, 3]);
