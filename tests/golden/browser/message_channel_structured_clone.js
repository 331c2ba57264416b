// postMessage sends a copy (structured clone): changing the original later changes nothing.
const { port1, port2 } = new MessageChannel();
const data = { list: [1, 2], name: 'x' };
port1.onmessage = (e) => {
  console.log('received', e.data.list.length, e.data.name);
  console.log('same object?', e.data === data);
};
port2.postMessage(data);
data.list.push(3);
data.name = 'changed';
