const settings = { port: 8000 }; settings.listen();
