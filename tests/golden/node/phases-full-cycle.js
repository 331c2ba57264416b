// A walk through the phases from inside an fs callback (poll phase).
const fs = require('fs');
fs.stat(__filename, () => {
  console.log('poll: fs.stat callback');
  setImmediate(() => {
    console.log('check: immediate');
    setTimeout(() => {
      console.log('timers: timeout');
      fs.stat(__filename, () => {
        console.log('poll: second fs.stat');
        setImmediate(() => console.log('check: last immediate'));
      });
    }, 0);
  });
  setTimeout(() => console.log('timers: timeout queued in poll'), 0);
});
