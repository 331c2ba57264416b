// Child: reports its arguments, an environment variable, its working directory and channel.
const path = require('path');
process.send({
  args: process.argv.slice(2),
  color: process.env.FAVOURITE_COLOR,
  channelFd: process.env.NODE_CHANNEL_FD,
  cwd: path.basename(process.cwd()),
  connected: process.connected,
  argv1: path.basename(process.argv[1]),
});
