// Worker file for worker-uncaught-no-listener.js: throws as it starts.
const answer = 42;
throw new Error('the worker failed at start-up, answer ' + answer);
