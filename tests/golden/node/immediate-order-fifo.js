// Immediates run in the order they were queued.
for (const name of ['a', 'b', 'c', 'd']) setImmediate(() => console.log(name));
