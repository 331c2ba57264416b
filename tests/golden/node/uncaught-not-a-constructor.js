// new on something that is not a class
const Server = { port: 8000 };
const s = new Server();
