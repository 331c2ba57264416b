// Child: throws while it starts.
console.log('child starting');
const config = undefined;
console.log(config.port);
