// Error.stackTraceLimit counts the frames node shows: mini-node's own hidden frames (an
// emitter's, a once wrapper's) leave room for node's loader frames at the bottom.
const EventEmitter = require('events');
const bus = new EventEmitter();
bus.once('start', function () {
  bus.on('step', function () {
    console.log(new Error('deep').stack);
  });
  bus.emit('step', 1);
});
bus.emit('start', 'go');
