// Node's globals do not exist in a browser: typeof says "undefined".
console.log('setImmediate:', typeof setImmediate);
console.log('process:', typeof process);
console.log('require:', typeof require);
console.log('module:', typeof module);
console.log('exports:', typeof exports);
console.log('__filename:', typeof __filename);
console.log('global:', typeof global);
console.log('window:', typeof window, window === globalThis);
console.log('self:', typeof self, self === globalThis);
console.log('setTimeout:', typeof setTimeout);
console.log('queueMicrotask:', typeof queueMicrotask);
console.log('requestAnimationFrame:', typeof requestAnimationFrame);
console.log('MessageChannel:', typeof MessageChannel);
