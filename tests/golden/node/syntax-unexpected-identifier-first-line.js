let greeting = "hello" name;
